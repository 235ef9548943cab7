using System.Text.RegularExpressions;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// KEPCO's 시군구 export, CSV or XLSX: <c>연도,시도,시군구,계약종별, 1월 , 2월 , …</c> with any subset of months,
/// values like <c>" 25,002,325 "</c>, "-" for none, "합 계"/"심 야" with a space, and a trailing empty column.
/// </summary>
internal static partial class KepcoWideParser
{
    private static readonly string[] Fixed = ["연도", "시도", "시군구", "계약종별"];

    public static void Parse(SourceTable table, int headerIndex, ParseContext context)
    {
        var header = table.Rows[headerIndex];
        var months = ReadHeader(header, context);
        if (months is null)
        {
            return;
        }
        var names = header.Cells.Select((c, i) => i < Fixed.Length ? Fixed[i] : c.Trim().Length > 0 ? c.Trim() : $"column {i + 1}").ToArray();
        // The trailing empty column is optional: a row needs cells up to the last month only.
        var required = months[^1].Index + 1;
        for (var r = headerIndex + 1; r < table.Rows.Count; r++)
        {
            context.ReportRow(r, table.Rows.Count);
            var row = table.Rows[r];
            if (row.IsBlank || !context.Complete(row, names, required))
            {
                continue;
            }
            var yearOk = context.Integer(row, 0, "연도", 1900, 2200, out var year);
            var sido = context.Sido(row, 1, "시도");
            var sigungu = context.Sigungu(row, 2, "시군구");
            var type = context.ContractType(row, 3, "계약종별");
            if (!yearOk || sido is null || sigungu is null || type is null)
            {
                continue;
            }
            var district = RegionAliases.CanonicalDistrict(sido, sigungu);
            var name = context.Intern(district.Sigungu);
            foreach (var (index, month, column) in months)
            {
                if (context.Number(row, index, column, out var kwh))
                {
                    context.Rows.Add(new ParsedUsage(new YearMonth(year, month), district.Sido, name, type, kwh, null, null, row.Number, column));
                }
            }
        }
    }

    /// <summary>The month columns, in file order; null (with errors) when the header is not KEPCO's.</summary>
    private static List<(int Index, int Month, string Column)>? ReadHeader(SourceRow header, ParseContext context)
    {
        var before = context.IssueCount;
        for (var i = 0; i < Fixed.Length; i++)
        {
            if (FormatDetector.Compact(header.Cell(i)) != Fixed[i])
            {
                context.Error(header.Number, Fixed[i], header.Cell(i), ImportMessages.WrongColumn.Format(i + 1, Fixed[i], header.Cell(i).Trim()), ImportIssueKind.Header);
            }
        }
        var months = new List<(int Index, int Month, string Column)>();
        for (var i = Fixed.Length; i < header.Cells.Length; i++)
        {
            var text = FormatDetector.Compact(header.Cells[i]);
            if (text.Length == 0)
            {
                continue;
            }
            var match = MonthHeader().Match(text);
            var month = match.Success ? int.Parse(match.Groups[1].ValueSpan, provider: null) : 0;
            if (month is < 1 or > 12)
            {
                context.Error(header.Number, $"column {i + 1}", header.Cells[i], ImportMessages.NotAMonthColumn.Format(header.Cells[i].Trim()), ImportIssueKind.Header);
            }
            else if (months.Any(m => m.Month == month))
            {
                context.Error(header.Number, text, header.Cells[i], ImportMessages.MonthColumnTwice.Format(text), ImportIssueKind.Header);
            }
            else
            {
                months.Add((i, month, text));
            }
        }
        if (months.Count == 0 && context.IssueCount == before)
        {
            context.Error(header.Number, null, string.Join(",", header.Cells), ImportMessages.NoMonthColumns.Format(), ImportIssueKind.Header);
        }
        return context.IssueCount == before ? months : null;
    }

    [GeneratedRegex(@"^(\d{1,2})월$")]
    private static partial Regex MonthHeader();
}
