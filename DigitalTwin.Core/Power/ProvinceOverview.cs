namespace DigitalTwin.Core.Power;

/// <summary>One 시도's monthly totals and the figures of its latest month.</summary>
/// <param name="Totals">합계 per month, ascending.</param>
/// <param name="IndustrialShare">산업용's share of the latest month (0–1).</param>
/// <param name="ChangeVsLastYear">The latest month against the same month a year before (0.03 = +3 %), when both exist.</param>
/// <param name="FromProvinceRows">True when some months come from the 시도 export's own rows.</param>
/// <param name="SummedFromDistricts">True when some months had no province-level rows and were summed from the districts.</param>
public sealed record ProvinceSummary(
    string Sido,
    IReadOnlyList<(YearMonth Month, double Kwh)> Totals,
    YearMonth LatestMonth,
    double LatestKwh,
    double? IndustrialShare,
    double? ChangeVsLastYear,
    bool FromProvinceRows,
    bool SummedFromDistricts);

/// <summary>
/// Per-시도 totals over time. The 시도 export's own rows are used where they exist (they include
/// customers the district export leaves out); other months are summed from the districts.
/// </summary>
public static class ProvinceOverview
{
    /// <summary>The whole country, as the 시도 export names it.</summary>
    public const string National = "전국";

    public static IReadOnlyList<ProvinceSummary> Build(IEnumerable<UsageRow> rows)
    {
        var bySido = new Dictionary<string, (List<Month> Months, bool FromProvince, bool Summed)>();
        foreach (var sido in rows.GroupBy(r => r.Sido))
        {
            var months = new List<Month>();
            var summed = false;
            var fromProvince = false;
            foreach (var month in sido.GroupBy(r => r.Period).OrderBy(g => g.Key))
            {
                var provinceRows = month.Where(r => r.Sigungu == PowerUsage.ProvinceTotal).ToList();
                summed |= provinceRows.Count == 0;
                fromProvince |= provinceRows.Count > 0;
                var source = provinceRows.Count > 0 ? provinceRows : [.. month];
                if (Totals(source) is { } totals)
                {
                    months.Add(new Month(month.Key, totals.Total, totals.Industrial));
                }
            }
            if (months.Count > 0)
            {
                bySido[sido.Key] = (months, fromProvince, summed);
            }
        }
        AddNationalFromProvinces(bySido);
        return [.. bySido.Select(p => Summarize(p.Key, p.Value.Months, p.Value.FromProvince, p.Value.Summed)).OrderBy(s => s.Sido, StringComparer.Ordinal)];
    }

    private readonly record struct Month(YearMonth Period, double Total, double? Industrial);

    /// <summary>
    /// Only the 시도 export has 전국 rows; a month it lacks (a district export's) is the sum of the 시도, where every
    /// 시도 has that month, so the nationwide figure is as recent as the data.
    /// </summary>
    private static void AddNationalFromProvinces(Dictionary<string, (List<Month> Months, bool FromProvince, bool Summed)> bySido)
    {
        var provinces = bySido.Where(p => p.Key != National).Select(p => p.Value.Months).ToList();
        var national = bySido.TryGetValue(National, out var n) ? n : ([], false, false);
        var own = national.Months.Select(m => m.Period).ToHashSet();
        var summed = provinces.SelectMany(m => m)
            .GroupBy(m => m.Period)
            .Where(g => provinces.Count > 1 && !own.Contains(g.Key) && g.Count() == provinces.Count)
            .Select(g => new Month(g.Key, g.Sum(m => m.Total), g.All(m => m.Industrial is not null) ? g.Sum(m => m.Industrial) : null))
            .ToList();
        if (summed.Count > 0)
        {
            bySido[National] = ([.. national.Months.Concat(summed).OrderBy(m => m.Period)], national.FromProvince, true);
        }
    }

    private static ProvinceSummary Summarize(string sido, List<Month> months, bool fromProvince, bool summed)
    {
        var latest = months[^1];
        var yearBefore = months.FirstOrDefault(m => m.Period == latest.Period.AddMonths(-12));
        return new ProvinceSummary(
            sido,
            [.. months.Select(m => (m.Period, m.Total))],
            latest.Period,
            latest.Total,
            latest.Total > 0 ? latest.Industrial / latest.Total : null,
            yearBefore.Total > 0 ? (latest.Total - yearBefore.Total) / yearBefore.Total : null,
            fromProvince,
            summed);
    }

    /// <summary>합계 (else the sum of the parts) and 산업용 of one 시도-month, summed over the given rows.</summary>
    private static (double Total, double? Industrial)? Totals(IReadOnlyList<UsageRow> rows)
    {
        double Sum(IEnumerable<UsageRow> selected) => selected.Sum(r => (double)(r.Kwh ?? 0));

        var totalRows = rows.Where(r => r.ContractType == ContractTypes.Total && r.Kwh is not null).ToList();
        var partRows = rows.Where(r => ContractTypes.Parts.Contains(r.ContractType) && r.Kwh is not null).ToList();
        if (totalRows.Count == 0 && partRows.Count == 0)
        {
            return null;
        }

        var industrial = rows.Where(r => r.ContractType == ContractTypes.Industrial && r.Kwh is not null).ToList();
        return (totalRows.Count > 0 ? Sum(totalRows) : Sum(partRows), industrial.Count > 0 ? Sum(industrial) : null);
    }
}
