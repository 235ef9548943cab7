namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The bigdata portal's export (bigdata.kepco.co.kr "계약종별 전력사용량 월별"): three title lines, then
/// <c>년월,시구,시군구,계약구분,고객호수(호),사용량(kWh),전기요금(원),평균판매단가(원/kWh)</c> in two blocks — the
/// national rows (시구 "전체(시도)", stored as 시도 "전국"), a <c>합계,합계,…</c> grand total, a blank line, the header
/// again, then each 시도 (시군구 "전체", stored as <see cref="PowerUsage.ProvinceTotal"/>).
/// </summary>
internal static class ProvincePortalParser
{
    private static readonly string[] Columns = ["년월", "시구", "시군구", "계약구분", "고객호수(호)", "사용량(kWh)", "전기요금(원)"];

    public static void Parse(SourceTable table, int headerIndex, ParseContext context)
    {
        var header = table.Rows[headerIndex];
        var ok = true;
        for (var i = 0; i < Columns.Length; i++)
        {
            if (FormatDetector.Compact(header.Cell(i)) != Columns[i])
            {
                context.Error(header.Number, Columns[i], header.Cell(i), ImportMessages.WrongColumn.Format(i + 1, Columns[i], header.Cell(i).Trim()), ImportIssueKind.Header);
                ok = false;
            }
        }
        if (!ok)
        {
            return;
        }
        context.DistrictColumn = "시구";
        for (var r = headerIndex + 1; r < table.Rows.Count; r++)
        {
            context.ReportRow(r, table.Rows.Count);
            var row = table.Rows[r];
            var first = FormatDetector.Compact(row.Cell(0));
            // Blank separator, the repeated header of the second block, and the block's grand total (no month).
            if (row.IsBlank || first == Columns[0] || first == "합계")
            {
                continue;
            }
            if (context.Complete(row, Columns, Columns.Length))
            {
                ParseRow(row, context);
            }
        }
    }

    private static void ParseRow(SourceRow row, ParseContext context)
    {
        var month = ParseMonth(row, context);
        var sido = context.Sido(row, 1, "시구");
        var type = context.ContractType(row, 3, "계약구분");
        var customersOk = context.Number(row, 4, "고객호수(호)", out var customers);
        var kwhOk = context.Number(row, 5, "사용량(kWh)", out var kwh);
        var billOk = context.Number(row, 6, "전기요금(원)", out var bill);
        // "전체" / "전체(시 / 군 / 구)" is the whole 시도; a portal export filtered to districts names them instead.
        var sigungu = RegionAliases.NormalizeSpaces(row.Cell(2));
        var total = FormatDetector.Compact(sigungu).StartsWith("전체", StringComparison.Ordinal);
        var nameOk = total || context.PlausibleDistrict(row, 2, "시군구", sigungu);
        if (month is null || sido is null || type is null || !customersOk || !kwhOk || !billOk || !nameOk)
        {
            return;
        }
        var district = total ? new District(sido, PowerUsage.ProvinceTotal) : RegionAliases.CanonicalDistrict(sido, sigungu);
        context.Rows.Add(new ParsedUsage(month.Value, district.Sido, context.Intern(district.Sigungu), type, kwh, customers, bill, row.Number, "사용량(kWh)"));
    }

    /// <summary>"202201" → 2022-01.</summary>
    private static YearMonth? ParseMonth(SourceRow row, ParseContext context)
    {
        var text = row.Cell(0).Trim();
        if (text.Length == 6 && int.TryParse(text, out var value) && value % 100 is >= 1 and <= 12)
        {
            return new YearMonth(value / 100, value % 100);
        }
        context.Error(row.Number, "년월", row.Cell(0), ImportMessages.NotAMonth.Format(text), ImportIssueKind.NotAMonth);
        return null;
    }
}
