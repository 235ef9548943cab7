namespace DigitalTwin.Core.Power;

/// <summary>A KEPCO district. 중구, 동구, 고성군 … exist in several 시도, so both names identify it.</summary>
public readonly record struct District(string Sido, string Sigungu)
{
    public override string ToString() => $"{Sido} {Sigungu}";
}
