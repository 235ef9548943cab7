namespace DigitalTwin.Core.Power;

/// <summary>How a district's monthly values are made comparable with other districts'.</summary>
public enum HeatmapScale
{
    /// <summary>Value divided by the district's largest month: 1 is its peak.</summary>
    ShareOfMax,

    /// <summary>Standard deviations from the district's own mean: shows small seasonal swings.</summary>
    ZScore,
}

public enum HeatmapOrder
{
    Name,

    /// <summary>Most industrial first.</summary>
    IndustrialShare,
}

/// <param name="Kwh">The raw value, for the tooltip.</param>
/// <param name="Value">The normalized value that colors the cell; null where there is no data.</param>
public readonly record struct HeatmapCell(double? Kwh, double? Value);

public sealed record HeatmapRow(District District, double? IndustrialShare, IReadOnlyList<HeatmapCell> Cells);

/// <summary>Districts × months of one contract type, each district normalized on its own so small and large districts compare.</summary>
public sealed record HeatmapMatrix(IReadOnlyList<YearMonth> Months, IReadOnlyList<HeatmapRow> Rows)
{
    /// <param name="rows">Usage of every contract type for the districts to show (province-level rows are ignored).</param>
    public static HeatmapMatrix Build(IEnumerable<UsageRow> rows, string contractType, HeatmapScale scale, HeatmapOrder order)
    {
        var districtRows = rows.Where(r => r.Sigungu != PowerUsage.ProvinceTotal).ToList();
        var months = districtRows.Where(r => r.ContractType == contractType).Select(r => r.Period).Distinct().Order().ToList();
        var built = districtRows
            .GroupBy(r => new District(r.Sido, r.Sigungu))
            .Select(g => BuildRow(g.Key, g.ToList(), months, contractType, scale))
            .Where(r => r.Cells.Any(c => c.Kwh is not null));
        var sorted = order == HeatmapOrder.IndustrialShare
            ? built.OrderByDescending(r => r.IndustrialShare ?? -1).ThenBy(r => r.District.ToString(), StringComparer.Ordinal)
            : built.OrderBy(r => r.District.Sido, StringComparer.Ordinal).ThenBy(r => r.District.Sigungu, StringComparer.Ordinal);
        return new HeatmapMatrix(months, [.. sorted]);
    }

    /// <summary>Normalizes one district's values; nulls stay null, and a flat series is all 1 (share) or all 0 (z-score).</summary>
    public static IReadOnlyList<double?> Normalize(IReadOnlyList<double?> values, HeatmapScale scale)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return [.. values];
        }

        if (scale == HeatmapScale.ShareOfMax)
        {
            var max = present.Max();
            return [.. values.Select(v => max > 0 ? v / max : v is null ? null : 0)];
        }

        var mean = present.Average();
        var sd = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Count);
        return [.. values.Select(v => sd > 0 ? (v - mean) / sd : v is null ? null : 0)];
    }

    private static HeatmapRow BuildRow(District district, List<UsageRow> rows, List<YearMonth> months, string contractType, HeatmapScale scale)
    {
        var byMonth = rows.Where(r => r.ContractType == contractType).ToDictionary(r => r.Period, r => (double?)r.Kwh);
        var raw = months.Select(m => byMonth.GetValueOrDefault(m)).ToList();
        var normalized = Normalize(raw, scale);
        var parts = rows.Where(r => ContractTypes.Parts.Contains(r.ContractType)).Sum(r => (double)(r.Kwh ?? 0));
        var industrial = rows.Where(r => r.ContractType == ContractTypes.Industrial).Sum(r => (double)(r.Kwh ?? 0));
        return new HeatmapRow(district, parts > 0 ? industrial / parts : null, [.. raw.Zip(normalized, (k, v) => new HeatmapCell(k, v))]);
    }
}
