namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>One backtest forecast: made at <paramref name="Origin"/> for a month that is still at or before the cutoff.</summary>
/// <param name="Recent">From one of the last <see cref="Backtest.SelectionOrigins"/> origins, where every model was run.</param>
public sealed record BacktestPoint(District District, string Model, YearMonth Origin, YearMonth Target, double Forecast, double Actual, bool Recent)
{
    public int Steps => Origin.MonthsUntil(Target);

    public double AbsPctError => Actual > 0 ? 100 * Math.Abs(Forecast - Actual) / Actual : double.NaN;
}

/// <summary>
/// Rolling-origin backtests inside the history before a cutoff: from each of a district's earlier observed
/// months, forecast the following months of the horizon that are observed and not after the cutoff.
/// Every origin sees only its own past (its own <see cref="ModelSet"/>), so a backtest is a fair rehearsal.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// Auto compares models on the most recent origins only, where all of them ran: each ML origin is a
    /// LightGBM training (~0.4 s), so more would break the time budget. The cheap models run from every
    /// origin, because their residuals set the intervals and more months give more honest ones.
    /// </summary>
    public const int SelectionOrigins = 3;

    public static IEnumerable<BacktestPoint> Run(
        District district, string contractType, ModelSet atCutoff, int horizon, IReadOnlyList<string> models, Func<YearMonth, ModelSet> setAt)
    {
        var series = atCutoff.History.Series(district, contractType);
        var origins = new List<(YearMonth Origin, List<YearMonth> Targets)>();
        for (var i = series.Count - 2; i >= 0; i--)
        {
            var origin = series.MonthAt(i);
            var targets = Enumerable.Range(1, horizon).Select(origin.AddMonths)
                .Where(t => t <= atCutoff.Cutoff && series.TryGet(t, out _)).ToList();
            if (targets.Count > 0)
            {
                origins.Add((origin, targets));
            }
        }
        for (var rank = 0; rank < origins.Count; rank++)
        {
            var (origin, targets) = origins[rank];
            var recent = rank < SelectionOrigins;
            var set = setAt(origin);
            var input = set.Input(district, contractType, targets);
            foreach (var name in models.Where(m => recent || m != ForecastModels.Ml))
            {
                var forecast = set.Get(name).Forecast(input);
                if (!forecast.IsApplicable)
                {
                    continue;
                }
                for (var k = 0; k < targets.Count; k++)
                {
                    if (double.IsNaN(forecast.Values![k]))
                    {
                        continue;
                    }
                    series.TryGet(targets[k], out var actual);
                    yield return new BacktestPoint(district, name, origin, targets[k], forecast.Values![k], actual, recent);
                }
            }
        }
    }
}
