namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Relative backtest errors (actual / forecast − 1) of one model, pooled over the districts of a run and
/// kept by how many months ahead they were. Intervals are their empirical quantiles: no normality assumed,
/// and the skew of real errors (a district that suddenly grows) carries over.
/// </summary>
/// <remarks>
/// Districts share each month's shock (weather, holidays), so quantiles pooled over the months already seen
/// are too narrow for a new month. <see cref="Scale"/> corrects that, conformal style: hold out one target
/// month at a time, build the interval from the other months, and widen (or narrow) every interval around
/// its median until the held-out months are covered as often as promised.
/// </remarks>
public sealed class ResidualPool
{
    /// <summary>Fewer points than this at one step → widen to the neighbouring steps.</summary>
    private const int MinPoints = 20;

    /// <summary>
    /// With no backtest at all, or backtests of a single target month (whose shared shock says nothing about
    /// the next month's), say at least ±25 % rather than pretend to know.
    /// </summary>
    private const double FallbackRelative = 0.25;

    private const double MinScale = 0.5;
    private const double MaxScale = 4;
    private const double ScaleStep = 0.05;

    private readonly SortedDictionary<int, List<(int Target, double Ratio)>> _byStep = [];
    private readonly Dictionary<int, (double Lo, double Hi)> _bounds = [];
    private double? _scale;

    public int Count { get; private set; }

    /// <summary>The factor every interval's half-widths get, from the leave-one-month-out calibration; 1 without enough months.</summary>
    public double Scale => _scale ??= Calibrate(ForecastRun.NominalCoverage);

    public void Add(int steps, YearMonth target, double forecast, double actual)
    {
        if (!(forecast > 0) || double.IsNaN(actual))
        {
            return;
        }
        if (!_byStep.TryGetValue(steps, out var list))
        {
            _byStep[steps] = list = [];
        }
        list.Add((target.Index(), actual / forecast - 1));
        Count++;
        _scale = null;
        _bounds.Clear();
    }

    public (double Lower, double Upper) Interval(double forecast, int steps)
    {
        if (!_bounds.TryGetValue(steps, out var bounds))
        {
            bounds = Bounds(Nearest(steps, exclude: null), Scale, ForecastRun.NominalCoverage);
            if (_byStep.Values.SelectMany(l => l).Select(p => p.Target).Distinct().Take(2).Count() < 2)
            {
                bounds = (Math.Min(bounds.Lo, -FallbackRelative), Math.Max(bounds.Hi, FallbackRelative));
            }
            _bounds[steps] = bounds;
        }
        var (lo, hi) = bounds;
        var a = forecast * (1 + lo);
        var b = forecast * (1 + hi);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static (double Lo, double Hi) Bounds(List<double> ratios, double scale, double coverage)
    {
        if (ratios.Count < 2)
        {
            return (-FallbackRelative, FallbackRelative);
        }
        ratios.Sort();
        var median = Quantiles.Of(ratios, 0.5);
        var lo = Quantiles.Of(ratios, (1 - coverage) / 2);
        var hi = Quantiles.Of(ratios, 1 - (1 - coverage) / 2);
        return (median + scale * (lo - median), median + scale * (hi - median));
    }

    private double Calibrate(double coverage)
    {
        var months = _byStep.Values.SelectMany(l => l).Select(p => p.Target).Distinct().ToList();
        if (months.Count < 2)
        {
            return 1;
        }
        // Unscaled bounds from the other months, relative to their median, for every held-out point.
        var checks = new List<(double Ratio, double Median, double Lo, double Hi)>();
        foreach (var month in months)
        {
            foreach (var (step, list) in _byStep)
            {
                var others = Nearest(step, exclude: month);
                if (others.Count < 2)
                {
                    continue;
                }
                var (lo, hi) = Bounds(others, 1, coverage);
                var median = Quantiles.Of(others, 0.5);
                checks.AddRange(list.Where(p => p.Target == month).Select(p => (p.Ratio, median, lo, hi)));
            }
        }
        if (checks.Count < MinPoints)
        {
            return 1;
        }
        for (var scale = MinScale; scale < MaxScale; scale += ScaleStep)
        {
            var s = scale;
            var hits = checks.Count(c => c.Median + s * (c.Lo - c.Median) <= c.Ratio && c.Ratio <= c.Median + s * (c.Hi - c.Median));
            if (hits >= coverage * checks.Count)
            {
                return Math.Round(scale, 2);
            }
        }
        return MaxScale;
    }

    /// <summary>The residuals at the closest steps (longer horizons first on a tie: they are wider, so safer).</summary>
    private List<double> Nearest(int steps, int? exclude)
    {
        var result = new List<double>();
        foreach (var (_, list) in _byStep.OrderBy(p => Math.Abs(p.Key - steps)).ThenByDescending(p => p.Key))
        {
            result.AddRange(list.Where(p => p.Target != exclude).Select(p => p.Ratio));
            if (result.Count >= MinPoints)
            {
                break;
            }
        }
        return result;
    }
}
