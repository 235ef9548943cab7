namespace DigitalTwin.Core.Power.Import;

/// <summary>The columns of a one-value-per-row format; each lists its accepted names, the first being the key.</summary>
internal sealed record RecordColumns(
    string[] Year,
    string[] Month,
    string[] Sido,
    string[]? Sigungu,
    string[] ContractType,
    string[] Kwh,
    string? Customers = null,
    string? Bill = null);

/// <summary>Reads long (one value per row) tables whose columns are found by name, in any order.</summary>
internal static class NamedColumnParser
{
    public static void Parse(SourceTable table, int headerIndex, ParseContext context, RecordColumns spec)
    {
        var header = table.Rows[headerIndex];
        string[][] required = spec.Sigungu is null
            ? [spec.Year, spec.Month, spec.Sido, spec.ContractType, spec.Kwh]
            : [spec.Year, spec.Month, spec.Sido, spec.Sigungu, spec.ContractType, spec.Kwh];
        string[] optional = [.. new[] { spec.Customers, spec.Bill }.OfType<string>()];
        if (HeaderMap.Create(header, context, required, optional) is not { } map)
        {
            return;
        }
        context.DistrictColumn = spec.Sigungu?[0] ?? spec.Sido[0];
        for (var r = headerIndex + 1; r < table.Rows.Count; r++)
        {
            context.ReportRow(r, table.Rows.Count);
            var row = table.Rows[r];
            if (!row.IsBlank && context.Complete(row, map.Names, map.Required))
            {
                ParseRow(row, map, spec, context);
            }
        }
    }

    private static void ParseRow(SourceRow row, HeaderMap map, RecordColumns spec, ParseContext context)
    {
        var yearOk = context.Integer(row, map[spec.Year[0]], map.Names[map[spec.Year[0]]], 1900, 2200, out var year);
        var monthOk = context.Integer(row, map[spec.Month[0]], map.Names[map[spec.Month[0]]], 1, 12, out var month);
        var sido = context.Sido(row, map[spec.Sido[0]], map.Names[map[spec.Sido[0]]]);
        var type = context.ContractType(row, map[spec.ContractType[0]], map.Names[map[spec.ContractType[0]]]);
        var kwhColumn = map.Names[map[spec.Kwh[0]]];
        var kwhOk = context.Number(row, map[spec.Kwh[0]], kwhColumn, out var kwh);
        var customersOk = OptionalNumber(row, map, spec.Customers, context, out var customers);
        var billOk = OptionalNumber(row, map, spec.Bill, context, out var bill);
        // No 시군구 column, an empty one, or "전체": the row is the whole 시도 (or the whole country).
        var sigungu = spec.Sigungu is null ? "" : RegionAliases.NormalizeSpaces(row.Cell(map[spec.Sigungu[0]]));
        var total = sigungu.Length == 0 || sigungu == "전체" || sido == RegionAliases.Nationwide;
        var nameOk = total || context.PlausibleDistrict(row, map[spec.Sigungu![0]], map.Names[map[spec.Sigungu[0]]], sigungu);
        if (!yearOk || !monthOk || sido is null || type is null || !kwhOk || !customersOk || !billOk || !nameOk)
        {
            return;
        }
        var district = total ? new District(sido, PowerUsage.ProvinceTotal) : RegionAliases.CanonicalDistrict(sido, sigungu);
        context.Rows.Add(new ParsedUsage(new YearMonth(year, month), district.Sido, context.Intern(district.Sigungu), type,
            kwh, customers, bill, row.Number, kwhColumn));
    }

    private static bool OptionalNumber(SourceRow row, HeaderMap map, string? column, ParseContext context, out long? value)
    {
        value = null;
        return column is null || map.Optional(column) is not { } index || context.Number(row, index, map.Names[index], out value);
    }
}
