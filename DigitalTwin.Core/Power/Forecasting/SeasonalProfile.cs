namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Twelve multiplicative month-of-year indices with mean 1 (July 1.3 = July uses 30 % more than an average
/// month). Built from whole calendar years so that a trend inside a year does not leak into the shape.
/// </summary>
public sealed class SeasonalProfile
{
    private readonly double[] _index;

    private SeasonalProfile(double[] index, ForecastReason source, int years)
    {
        _index = index;
        Source = source;
        Years = years;
    }

    /// <summary>Where the shape comes from, e.g. "경기도 주택용 (3 years)", for the forecast's reason.</summary>
    public ForecastReason Source { get; }

    public int Years { get; }

    public double this[int month] => _index[month - 1];

    /// <summary>
    /// Each complete calendar year with only positive values gives one ratio-to-year-mean per month; the
    /// median over years is robust to single billing corrections (세종 2022-01 일반용 is negative).
    /// Null when no such year exists.
    /// </summary>
    public static SeasonalProfile? From(MonthlySeries series, string source)
    {
        var ratios = new List<double[]>();
        if (series.Count == 0)
        {
            return null;
        }
        for (var year = series.MonthAt(0).Year; year <= series.LastMonth.Year; year++)
        {
            var values = new double[12];
            var complete = true;
            for (var m = 1; m <= 12 && complete; m++)
            {
                complete = series.TryGet(new YearMonth(year, m), out values[m - 1]) && values[m - 1] > 0;
            }
            if (complete)
            {
                var mean = values.Average();
                ratios.Add([.. values.Select(v => v / mean)]);
            }
        }
        if (ratios.Count == 0)
        {
            return null;
        }
        var index = Enumerable.Range(0, 12).Select(m => Median(ratios.Select(r => r[m]))).ToArray();
        var norm = index.Average();
        return new SeasonalProfile([.. index.Select(v => v / norm)], ForecastReason.Of("profile-source", source, ratios.Count), ratios.Count);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
