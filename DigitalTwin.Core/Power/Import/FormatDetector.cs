namespace DigitalTwin.Core.Power.Import;

public enum ImportFormat
{
    /// <summary>KEPCO's 시군구 export: 연도,시도,시군구,계약종별, 1월 , 2월 , …</summary>
    KepcoWide,

    /// <summary>The bigdata portal's 시도 export: title lines, 년월,시구,시군구,계약구분,고객호수(호),사용량(kWh),…</summary>
    ProvincePortal,

    /// <summary>year,month,sido,sigungu,contract_type,kwh</summary>
    LongDistrict,

    /// <summary>year,month,sido,contract_type,customers,kwh,bill_krw,avg_price_krw_per_kwh</summary>
    LongProvince,

    /// <summary>KEPCO open-API records: year, month, metro, city, cntr|biz, custCnt, powerUsage, bill, unitCost.</summary>
    OpenApiRecords,
}

/// <summary>Finds which of the known layouts a table has, and where its header is, from the header's words.</summary>
internal static class FormatDetector
{
    /// <summary>The portal puts three title lines above its header; allow a few more.</summary>
    private const int HeaderSearchRows = 10;

    private static readonly (ImportFormat Format, string[] Columns)[] Signatures =
    [
        (ImportFormat.KepcoWide, ["연도", "시도", "시군구", "계약종별"]),
        (ImportFormat.ProvincePortal, ["년월", "시구", "시군구", "계약구분", "고객호수(호)", "사용량(kWh)"]),
        (ImportFormat.LongDistrict, ["year", "month", "sido", "sigungu", "contract_type", "kwh"]),
        (ImportFormat.LongProvince, ["year", "month", "sido", "contract_type", "customers", "kwh", "bill_krw"]),
        (ImportFormat.OpenApiRecords, ["year", "month", "metro", "city", "cntr", "biz", "custCnt", "powerUsage", "bill"]),
    ];

    public static string DisplayName(ImportFormat format, bool json) => format switch
    {
        ImportFormat.KepcoWide => "KEPCO wide (시군구)",
        ImportFormat.ProvincePortal => "KEPCO wide (시도)",
        ImportFormat.LongDistrict => "long CSV (시군구)",
        ImportFormat.LongProvince => "long CSV (시도)",
        ImportFormat.OpenApiRecords => json ? "KEPCO open API (JSON)" : "KEPCO open API (CSV)",
        _ => format.ToString(),
    };

    /// <summary>
    /// The best-matching layout: the share of its column names found in a row, at least half. A header with a
    /// misspelt column still matches, so its parser can say exactly which column is wrong.
    /// </summary>
    public static (ImportFormat Format, int HeaderIndex)? Detect(SourceTable table)
    {
        (ImportFormat Format, int HeaderIndex, double Score)? best = null;
        for (var i = 0; i < Math.Min(HeaderSearchRows, table.Rows.Count); i++)
        {
            var cells = table.Rows[i].Cells.Select(Compact).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (format, columns) in Signatures)
            {
                var score = (double)columns.Count(cells.Contains) / columns.Length;
                if (score >= 0.5 && (best is null || score > best.Value.Score))
                {
                    best = (format, i, score);
                }
            }
            if (best is not null)
            {
                return (best.Value.Format, best.Value.HeaderIndex);
            }
        }
        return null;
    }

    /// <summary>Header cells compared without spaces: " 1월 " → "1월".</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
