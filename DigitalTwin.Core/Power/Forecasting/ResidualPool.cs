namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Relative backtest errors (actual / forecast − 1) of one model, pooled over the districts of a run and
/// kept by how many months ahead they were. Intervals are their empirical quantiles: no normality assumed,
/// and the skew of real errors (a district that suddenly grows) carries over.
/// </summary>
public sealed class ResidualPool
{
    /// <summary>Fewer points than this at one step → widen to the neighbouring steps.</summary>
    private const int MinPoints = 20;

    /// <summary>With no backtest at all (a single observed month), say ±25 % rather than pretend to know.</summary>
    private const double FallbackRelative = 0.25;

    private readonly SortedDictionary<int, List<double>> _byStep = [];

    public int Count { get; private set; }

    public void Add(int steps, double forecast, double actual)
    {
        if (!(forecast > 0) || double.IsNaN(actual))
        {
            return;
        }
        if (!_byStep.TryGetValue(steps, out var list))
        {
            _byStep[steps] = list = [];
        }
        list.Add(actual / forecast - 1);
        Count++;
    }

    public (double Lower, double Upper) Interval(double forecast, int steps, double coverage = ForecastRun.NominalCoverage)
    {
        var ratios = Nearest(steps);
        double lo, hi;
        if (ratios.Count < 2)
        {
            (lo, hi) = (-FallbackRelative, FallbackRelative);
        }
        else
        {
            ratios.Sort();
            lo = Quantile(ratios, (1 - coverage) / 2);
            hi = Quantile(ratios, 1 - (1 - coverage) / 2);
        }
        var a = forecast * (1 + lo);
        var b = forecast * (1 + hi);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>The residuals at the closest steps (longer horizons first on a tie: they are wider, so safer).</summary>
    private List<double> Nearest(int steps)
    {
        var result = new List<double>();
        foreach (var (_, list) in _byStep.OrderBy(p => Math.Abs(p.Key - steps)).ThenByDescending(p => p.Key))
        {
            result.AddRange(list);
            if (result.Count >= MinPoints)
            {
                break;
            }
        }
        return result;
    }

    private static double Quantile(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
