namespace DigitalTwin.Core.Power;

/// <summary>kWh of one contract type over every month of the data, and its share of the parts.</summary>
public sealed record ContractShare(string ContractType, double Kwh, double? Share);

/// <summary>
/// One district's usage shaped for its page: kWh per month for each of the seven contract types,
/// the monthly total, and the contract-type mix over all months.
/// </summary>
public sealed class DistrictProfile
{
    private DistrictProfile(District district, IReadOnlyList<YearMonth> months, IReadOnlyDictionary<string, IReadOnlyList<double?>> byType,
        IReadOnlyList<double?> totals, IReadOnlyList<ContractShare> mix)
    {
        District = district;
        Months = months;
        ByType = byType;
        Totals = totals;
        Mix = mix;
    }

    public District District { get; }

    /// <summary>Every month with any data for the district, ascending.</summary>
    public IReadOnlyList<YearMonth> Months { get; }

    /// <summary>kWh per month (aligned with <see cref="Months"/>) for each of <see cref="ContractTypes.Parts"/>; null where KEPCO has no value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double?>> ByType { get; }

    /// <summary>합계 per month; the sum of the parts where the file had no 합계 row.</summary>
    public IReadOnlyList<double?> Totals { get; }

    /// <summary>The seven contract types over all months, largest first.</summary>
    public IReadOnlyList<ContractShare> Mix { get; }

    public bool IsEmpty => Months.Count == 0;

    /// <summary>산업용's share of the district's use over all months (0–1): how industrial the district is.</summary>
    public double? IndustrialShare => Mix.FirstOrDefault(m => m.ContractType == ContractTypes.Industrial)?.Share;

    /// <summary>The monthly totals as (month, kWh) pairs, for year-over-year comparison.</summary>
    public IEnumerable<(YearMonth Month, double? Kwh)> TotalSeries => Months.Zip(Totals);

    public static DistrictProfile From(District district, IEnumerable<UsageRow> rows)
    {
        var mine = rows.Where(r => r.Sido == district.Sido && r.Sigungu == district.Sigungu).ToList();
        var months = mine.Select(r => r.Period).Distinct().Order().ToList();
        var index = months.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var values = mine
            .Where(r => r.Kwh is not null)
            .GroupBy(r => r.ContractType)
            .ToDictionary(g => g.Key, g => Align(g, index, months.Count));

        var byType = ContractTypes.Parts.ToDictionary(t => t, t => (IReadOnlyList<double?>)(values.GetValueOrDefault(t) ?? new double?[months.Count]));
        var totals = values.TryGetValue(ContractTypes.Total, out var total)
            ? total
            : Enumerable.Range(0, months.Count).Select(i => SumOrNull(byType.Values.Select(v => v[i]))).ToArray();

        return new DistrictProfile(district, months, byType, totals, Shares(byType));
    }

    /// <summary>Each part's kWh over all months and its share of the parts' sum, largest first.</summary>
    public static IReadOnlyList<ContractShare> Shares(IReadOnlyDictionary<string, IReadOnlyList<double?>> byType)
    {
        var sums = byType.Select(p => (Type: p.Key, Kwh: p.Value.Sum(v => v ?? 0))).ToList();
        var all = sums.Sum(s => s.Kwh);
        return [.. sums.Select(s => new ContractShare(s.Type, s.Kwh, all > 0 ? s.Kwh / all : null)).OrderByDescending(s => s.Kwh)];
    }

    private static double?[] Align(IEnumerable<UsageRow> rows, Dictionary<YearMonth, int> index, int count)
    {
        var aligned = new double?[count];
        foreach (var row in rows)
        {
            aligned[index[row.Period]] = row.Kwh;
        }
        return aligned;
    }

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        return present.Count == 0 ? null : present.Sum();
    }
}
