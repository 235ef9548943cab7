namespace DigitalTwin.Core.Power;

/// <summary>One month against the same month a year before.</summary>
public sealed record YearOverYearChange(YearMonth Month, double PreviousKwh, double CurrentKwh)
{
    public YearMonth PreviousMonth => Month.AddMonths(-12);

    /// <summary>Relative change, e.g. 0.031 for +3.1 %.</summary>
    public double Change => (CurrentKwh - PreviousKwh) / PreviousKwh;
}

/// <summary>Year-over-year changes of a monthly series: KEPCO data is seasonal, so a month compares with itself a year earlier.</summary>
public static class YearOverYear
{
    /// <summary>A change for every month whose previous-year month is also present (and above zero), ascending.</summary>
    public static IReadOnlyList<YearOverYearChange> Compute(IEnumerable<(YearMonth Month, double? Kwh)> series)
    {
        var known = new Dictionary<YearMonth, double>();
        foreach (var (month, kwh) in series)
        {
            if (kwh is { } value)
            {
                known[month] = value;
            }
        }

        return
        [
            .. known.Keys.Order()
                .Where(m => known.TryGetValue(m.AddMonths(-12), out var previous) && previous > 0)
                .Select(m => new YearOverYearChange(m, known[m.AddMonths(-12)], known[m])),
        ];
    }
}
