using System.Text.RegularExpressions;
using DigitalTwin.Core.Power.Import;

namespace DigitalTwin.Core.Power;

/// <summary>A polygon of the KOSTAT boundary file: its 5-digit census code and Korean name.</summary>
public readonly record struct KostatFeature(string Code, string Name);

/// <summary>A boundary feature and the KEPCO district it is drawn for.</summary>
public readonly record struct MatchedFeature(KostatFeature Feature, District District);

/// <summary>
/// How a boundary file and a district list fit: every feature mapped, the features that map to no known district
/// (or whose code names no 시도), and the districts no feature is drawn for.
/// </summary>
public sealed record DistrictMatchReport(
    IReadOnlyList<MatchedFeature> Matched,
    IReadOnlyList<KostatFeature> UnmatchedFeatures,
    IReadOnlyList<District> DistrictsWithoutBoundary);

/// <summary>
/// Maps KOSTAT 2018 시군구 polygons to KEPCO districts. KOSTAT splits cities with 구 into one polygon per 구
/// (<c>수원시장안구</c>) where KEPCO has one row per city (<c>수원시</c>), uses the 시도 names of 2018 (강원도, 전라북도)
/// and the districts of 2018 (인천 남구, 경북 군위군); <see cref="RegionAliases"/> turns those into today's names.
/// </summary>
public static partial class KostatDistrictMatcher
{
    /// <summary>The first two digits of a KOSTAT census code → the 시도 as KOSTAT named it in 2018.</summary>
    private static readonly Dictionary<string, string> SidoByCodePrefix = new(StringComparer.Ordinal)
    {
        ["11"] = "서울특별시", ["21"] = "부산광역시", ["22"] = "대구광역시", ["23"] = "인천광역시",
        ["24"] = "광주광역시", ["25"] = "대전광역시", ["26"] = "울산광역시", ["29"] = "세종특별자치시",
        ["31"] = "경기도", ["32"] = "강원도", ["33"] = "충청북도", ["34"] = "충청남도",
        ["35"] = "전라북도", ["36"] = "전라남도", ["37"] = "경상북도", ["38"] = "경상남도", ["39"] = "제주특별자치도",
    };

    /// <summary>The KEPCO district a feature belongs to; false when the code names no 시도 or the name is empty.</summary>
    public static bool TryMatch(KostatFeature feature, out District district)
    {
        district = default;
        var name = string.Concat((feature.Name ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (name.Length == 0 || feature.Code is not { Length: >= 2 } code
            || !SidoByCodePrefix.TryGetValue(code[..2], out var kostatSido)
            || !RegionAliases.TryCanonicalSido(kostatSido, out var sido))
        {
            return false;
        }
        district = RegionAliases.CanonicalDistrict(sido, CityOf(name));
        return true;
    }

    /// <summary>Matches every feature and compares the result with the districts that have data.</summary>
    public static DistrictMatchReport Compare(IEnumerable<KostatFeature> features, IEnumerable<District> districts)
    {
        var known = districts.ToHashSet();
        var matched = new List<MatchedFeature>();
        var unmatched = new List<KostatFeature>();
        foreach (var feature in features)
        {
            if (TryMatch(feature, out var district))
            {
                matched.Add(new MatchedFeature(feature, district));
            }
            if (!known.Contains(district))
            {
                unmatched.Add(feature);
            }
        }
        var drawn = matched.Select(m => m.District).ToHashSet();
        return new DistrictMatchReport(matched, unmatched, [.. known.Where(d => !drawn.Contains(d)).OrderBy(d => d.ToString(), StringComparer.Ordinal)]);
    }

    /// <summary>"수원시장안구" → "수원시"; a 구 of a metropolitan city ("중구") or a city without 구 stays as it is.</summary>
    private static string CityOf(string name) => CityWithGu().Match(name) is { Success: true } match ? match.Groups["city"].Value : name;

    [GeneratedRegex("^(?<city>.+?시).+구$")]
    private static partial Regex CityWithGu();
}
