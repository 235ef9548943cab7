namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// 90 % intervals per <see cref="CalendarCell"/>, split-conformal: ± the conformal 90 % quantile
/// (<see cref="Quantiles.Conformal"/>) of auto's absolute relative errors on the province series in that cell, and in
/// the months on either side where it has too few (each error from a forecast whose ratios and shapes left its
/// year out), times one factor. Symmetric, because the 5th and 95th percentiles of a few dozen errors each rest on
/// two or three of them; the absolute errors' 90th rests on all. Provinces share each year's weather, so a
/// quantile from some years is too narrow for another: the factor comes from how far each year's errors fall
/// outside the quantiles of the other years. One factor for all months, not one per month: a month's factor
/// would rest on a single shock per year. <see cref="Scale"/> widens them further for series noisier than a
/// province, such as a district.
/// </summary>
public sealed class CalendarIntervals
{
    /// <summary>Enough errors for the 90 % quantile to rest on several; pooling fewer months keeps a month's own width.</summary>
    private const int MinPoints = 60;
    private const double MinFactor = 0.5;
    private const double MaxFactor = 4;

    /// <summary>A billed month is never known to better than this, however calm the province series were.</summary>
    private const double MinRelative = 0.01;

    /// <summary>Without any province backtest, say ±25 % rather than pretend to know.</summary>
    private const double Fallback = 0.25;

    private readonly CalendarCells<CalendarPoint> _cells;
    private readonly double _factor;
    private readonly Dictionary<(CalendarCell, string), (double Lo, double Hi)> _bounds = [];

    private CalendarIntervals(IEnumerable<CalendarPoint> points, double factor)
    {
        _cells = new CalendarCells<CalendarPoint>(points, p => p.Cell, MinPoints);
        _factor = factor;
    }

    /// <summary>What the quantiles of the other years needed to cover a held-out year 90 % of the time.</summary>
    public double Factor => _factor;

    /// <param name="blended">Auto's forecasts on the province series, <see cref="CalendarPoint.Model"/> being the path.</param>
    public static CalendarIntervals Learn(IReadOnlyList<CalendarPoint> blended)
    {
        var needed = new List<double>();
        foreach (var year in blended.Select(p => p.Target.Year).Distinct())
        {
            var others = new CalendarIntervals(blended.Where(p => p.Target.Year != year), 1);
            needed.AddRange(blended.Where(p => p.Target.Year == year).Select(p => others.Need(p.Cell, p.Model, p.Ratio)));
        }
        // The whole stretch (the old asymmetric percentiles took half of it, having over-covered with all of it): with
        // conformal quantiles of absolute errors, the province series come out at 87–90 % covered per horizon with it.
        var factor = needed.Count < MinPoints ? 1 : Math.Clamp(Quantiles.Of([.. needed.Order()], ForecastRun.NominalCoverage), MinFactor, MaxFactor);
        return new CalendarIntervals(blended, factor);
    }

    /// <summary>Relative bounds (actual / forecast − 1) for auto's forecast on <paramref name="path"/>.</summary>
    public (double Lo, double Hi) Bounds(CalendarCell cell, string path)
    {
        if (!_bounds.TryGetValue((cell, path), out var bounds))
        {
            var errors = _cells.Pooled(cell, p => p.Model == path).Select(p => Math.Abs(p.Ratio)).Order().ToList();
            var width = errors.Count < 2 ? Fallback : _factor * Math.Max(Quantiles.Conformal(errors, ForecastRun.NominalCoverage), MinRelative);
            // Usage is never negative: a lower bound below zero says nothing more than zero does.
            bounds = (Math.Max(-width, -1), width);
            _bounds[(cell, path)] = bounds;
        }
        return bounds;
    }

    public (double Lower, double Upper) Interval(double forecast, CalendarCell cell, string path, double scale = 1)
    {
        var (lo, hi) = Bounds(cell, path);
        return (forecast * (1 + scale * lo), forecast * (1 + scale * hi));
    }

    /// <summary>
    /// The smallest factor (≥ 1) on the bounds that covers 90 % of a noisier series' own backtests, given as their
    /// <see cref="Need"/>s: districts share the province's calendar but not its calm. 1 with too few of them.
    /// </summary>
    public static double Scale(IReadOnlyCollection<double> needs) => needs.Count < MinPoints ? 1
        : Math.Max(1, Quantiles.Of([.. needs.Order()], ForecastRun.NominalCoverage));

    /// <summary>How many times the bounds must be stretched to hold this relative error.</summary>
    public double Need(CalendarCell cell, string path, double ratio)
    {
        var (lo, hi) = Bounds(cell, path);
        return ratio < 0 ? ratio / lo : ratio / hi;
    }
}
