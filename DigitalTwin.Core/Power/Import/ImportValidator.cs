using System.Globalization;

namespace DigitalTwin.Core.Power.Import;

/// <summary>The checks that need the whole file: duplicates (errors), 합계 mismatches and odd values (warnings).</summary>
internal static class ImportValidator
{
    /// <summary>
    /// Above any real row: the whole country uses ~45 TWh a month, so one contract type of one region beyond
    /// 100 TWh is a unit or typing mistake.
    /// </summary>
    public const long ImplausibleKwh = 100_000_000_000;

    public static void Validate(ParseContext context)
    {
        var keys = new UsageKeys();
        var unique = FindDuplicates(context, keys);
        CheckTotals(context, keys, unique.Values);
        foreach (var row in context.Rows)
        {
            if (row.Kwh < 0)
            {
                context.Warning(row.Row, row.KwhColumn, row.Kwh.Value.ToString(CultureInfo.InvariantCulture),
                    ImportMessages.NegativeValue.Format(row.Label), ImportIssueKind.NegativeValue);
            }
            else if (row.Kwh > ImplausibleKwh)
            {
                context.Warning(row.Row, row.KwhColumn, row.Kwh.Value.ToString(CultureInfo.InvariantCulture),
                    ImportMessages.ImplausibleValue.Format(row.Label, Kwh(ImplausibleKwh)), ImportIssueKind.ImplausibleValue);
            }
        }
    }

    /// <summary>
    /// The same district, type and month twice is an error (which one is right?). Aliases make it likelier:
    /// 강원도 and 강원특별자치도 rows for one district collide once canonical. One error per offending row.
    /// </summary>
    private static Dictionary<long, ParsedUsage> FindDuplicates(ParseContext context, UsageKeys keys)
    {
        var seen = new Dictionary<long, ParsedUsage>(context.Rows.Count);
        var reported = new HashSet<int>();
        foreach (var row in context.Rows)
        {
            var key = keys.Of(row);
            if (seen.TryAdd(key, row))
            {
                continue;
            }
            if (reported.Add(row.Row))
            {
                var first = seen[key];
                context.Error(row.Row, context.DistrictColumn, row.Place, ImportMessages.Duplicate.Format(row.Label, first.Row), ImportIssueKind.Duplicate);
            }
        }
        return seen;
    }

    private static string Kwh(long kwh) => kwh.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>KEPCO's 합계 is the exact sum of the seven types; a mismatch means a row was edited or lost.</summary>
    private static void CheckTotals(ParseContext context, UsageKeys keys, IReadOnlyCollection<ParsedUsage> unique)
    {
        var sums = new Dictionary<long, (long Sum, int Parts)>();
        foreach (var row in unique)
        {
            if (row.ContractType != ContractTypes.Total)
            {
                var key = keys.DistrictMonth(row);
                var (sum, parts) = sums.GetValueOrDefault(key);
                sums[key] = (sum + (row.Kwh ?? 0), parts + 1);
            }
        }
        foreach (var total in unique.Where(r => r.ContractType == ContractTypes.Total && r.Kwh is not null))
        {
            if (sums.TryGetValue(keys.DistrictMonth(total), out var parts) && parts.Sum != total.Kwh)
            {
                context.Warning(total.Row, total.KwhColumn, total.Kwh!.Value.ToString(CultureInfo.InvariantCulture),
                    ImportMessages.TotalMismatch.Format(
                        $"{total.Place} {total.Month}", Kwh(total.Kwh!.Value), parts.Parts, Kwh(parts.Sum), Kwh(total.Kwh!.Value - parts.Sum)), ImportIssueKind.TotalMismatch);
            }
        }
    }
}
