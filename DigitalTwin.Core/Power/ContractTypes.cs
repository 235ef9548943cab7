namespace DigitalTwin.Core.Power;

/// <summary>KEPCO's contract types (계약종별), canonical spelling.</summary>
public static class ContractTypes
{
    public const string Residential = "주택용";
    public const string General = "일반용";
    public const string Education = "교육용";
    public const string Industrial = "산업용";
    public const string Agricultural = "농사용";
    public const string StreetLight = "가로등";
    public const string Night = "심야";
    public const string Total = "합계";

    /// <summary>The seven types whose sum is <see cref="Total"/>.</summary>
    public static readonly IReadOnlyList<string> Parts = [Residential, General, Education, Industrial, Agricultural, StreetLight, Night];

    public static readonly IReadOnlyList<string> All = [.. Parts, Total];

    /// <summary>"합 계" → "합계", " 심 야 " → "심야"; null when the text is not a contract type.</summary>
    public static string? Normalize(string? text)
    {
        var compact = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        return All.Contains(compact) ? compact : null;
    }
}
