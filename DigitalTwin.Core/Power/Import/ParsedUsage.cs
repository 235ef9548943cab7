namespace DigitalTwin.Core.Power.Import;

/// <summary>One value read from a file, with canonical names, and where it came from (for issues).</summary>
internal sealed record ParsedUsage(
    YearMonth Month,
    string Sido,
    string Sigungu,
    string ContractType,
    long? Kwh,
    long? Customers,
    long? BillKrw,
    int Row,
    string KwhColumn)
{
    /// <summary>"서울특별시 종로구", or the 시도 alone for a province row: how problems name where the row is.</summary>
    public string Place => Sigungu.Length == 0 ? Sido : $"{Sido} {Sigungu}";

    /// <summary>"서울특별시 종로구 주택용 2024-03": the row's place, contract type and month.</summary>
    public string Label => $"{Place} {ContractType} {Month}";

    /// <summary>Whether both rows are of one district: files list a district's rows together, so a check can look up a run once.</summary>
    public bool SameDistrict(ParsedUsage? other) =>
        other is not null && string.Equals(Sido, other.Sido, StringComparison.Ordinal) && string.Equals(Sigungu, other.Sigungu, StringComparison.Ordinal);
}
