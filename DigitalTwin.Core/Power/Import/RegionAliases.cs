namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The maintained table of 시도 and 시군구 names. Every source spells regions its own way (KEPCO's district files
/// still say 강원도 and 전라북도 for 2024, the bigdata portal says 강원특별자치도 but 전라북도, yearbooks say 서울, 경기 …);
/// the database keeps ONE canonical name per region — the current official one — so a district has one history.
/// </summary>
public static class RegionAliases
{
    /// <summary>The national rows of the province export (source "전체(시도)").</summary>
    public const string Nationwide = "전국";

    /// <summary>The 17 시도 by their current official names, in KEPCO's usual order.</summary>
    public static readonly IReadOnlyList<string> Provinces =
    [
        "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
        "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도",
    ];

    private static readonly Dictionary<string, string> SidoAliases = BuildSidoAliases();

    /// <summary>(canonical 시도, old 시군구) → the district's current (시도, 시군구).</summary>
    private static readonly Dictionary<(string Sido, string Sigungu), District> DistrictRenames = new()
    {
        // 군위군 moved from 경상북도 to 대구광역시 on 2023-07-01. KEPCO's 2023 file still lists it under 경북, the 2024
        // file under 대구. Decision: every month of 군위군 is stored under 대구광역시, including the months before the
        // move, so the district has one continuous history (charts and forecasts need that more than they need the
        // historical province). Province-level rows are left as the source wrote them.
        [("경상북도", "군위군")] = new("대구광역시", "군위군"),
        // 인천 남구 was renamed 미추홀구 on 2018-07-01; KOSTAT maps and older files still use 남구.
        [("인천광역시", "남구")] = new("인천광역시", "미추홀구"),
        // Promoted from 군 to 시 (older files and maps): 여주 2013, 당진 2012.
        [("경기도", "여주군")] = new("경기도", "여주시"),
        [("충청남도", "당진군")] = new("충청남도", "당진시"),
    };

    /// <summary>The canonical 시도 for any spelling the data shows; false when the name is unknown.</summary>
    public static bool TryCanonicalSido(string? name, out string canonical)
    {
        canonical = "";
        var key = Compact(name);
        if (key.Length == 0 || !SidoAliases.TryGetValue(key, out var found))
        {
            return false;
        }
        canonical = found;
        return true;
    }

    /// <summary>The district's current identity; <paramref name="sido"/> must already be canonical.</summary>
    public static District CanonicalDistrict(string sido, string sigungu)
    {
        var name = NormalizeSpaces(sigungu);
        return DistrictRenames.TryGetValue((sido, name), out var renamed) ? renamed : new District(sido, name);
    }

    /// <summary>Trims and collapses runs of white space: "수원시  장안구 " → "수원시 장안구".</summary>
    public static string NormalizeSpaces(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Compact(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    private static Dictionary<string, string> BuildSidoAliases()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var province in Provinces)
        {
            aliases[province] = province;
        }
        void Add(string canonical, params string[] names)
        {
            foreach (var name in names)
            {
                aliases[name] = canonical;
            }
        }
        Add("서울특별시", "서울", "서울시");
        Add("부산광역시", "부산", "부산시");
        Add("대구광역시", "대구", "대구시");
        Add("인천광역시", "인천", "인천시");
        Add("광주광역시", "광주", "광주시");
        Add("대전광역시", "대전", "대전시");
        Add("울산광역시", "울산", "울산시");
        Add("세종특별자치시", "세종", "세종시");
        Add("경기도", "경기");
        Add("강원특별자치도", "강원", "강원도");
        Add("충청북도", "충북");
        Add("충청남도", "충남");
        Add("전북특별자치도", "전북", "전라북도");
        Add("전라남도", "전남");
        Add("경상북도", "경북");
        Add("경상남도", "경남");
        Add("제주특별자치도", "제주", "제주도");
        Add(Nationwide, "전국", "전체(시도)");
        return aliases;
    }
}
