namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The pure forecasting engine: no database, no clock. Give it a history (which may run past a cutoff; it
/// only ever looks at <see cref="PowerHistory.Until"/> the cutoff) and requests. Keeps the models of each
/// cutoff it has seen, so running all contract types for one cutoff trains the ML model once per origin.
/// Not thread-safe.
/// </summary>
public sealed class Forecaster(PowerHistory history)
{
    private readonly Dictionary<YearMonth, ModelSet> _sets = [];

    /// <param name="actuals">Where to look up the truth for the target months; the history itself when null.</param>
    public ForecastRun Run(ForecastRequest request, PowerHistory? actuals = null)
    {
        request.Validate();
        actuals ??= history;
        var set = SetAt(request.Cutoff);
        var targets = request.Targets;
        var models = request.Model == ForecastModels.Auto ? ForecastModels.Concrete : [request.Model];
        var districts = set.History.Districts(request.ContractType);

        var backtests = districts.ToDictionary(
            d => d,
            d => Backtest.Run(d, request.ContractType, set, request.Horizon, models, SetAt).ToList());
        var pools = models.ToDictionary(m => m, _ => new ResidualPool());
        foreach (var point in backtests.Values.SelectMany(p => p))
        {
            pools[point.Model].Add(point.Steps, point.Forecast, point.Actual);
        }

        var rows = new List<ForecastRow>(districts.Count * targets.Count);
        foreach (var district in districts)
        {
            var input = set.Input(district, request.ContractType, targets);
            var candidates = models.ToDictionary(m => m, m => set.Get(m).Forecast(input));
            var (chosen, why) = request.Model == ForecastModels.Auto
                ? AutoSelector.Choose(candidates, backtests[district])
                : (candidates[request.Model], $"requested {request.Model}");
            var actualSeries = actuals.Series(district, request.ContractType);
            for (var k = 0; k < targets.Count; k++)
            {
                double? actual = actualSeries.TryGet(targets[k], out var a) ? a : null;
                if (!chosen.IsApplicable || double.IsNaN(chosen.Values![k]))
                {
                    rows.Add(new ForecastRow(district, targets[k], null, null, null, chosen.Model, $"{why}; {chosen.Reason}", actual));
                    continue;
                }
                var value = chosen.Values![k];
                var (lower, upper) = pools[chosen.Model].Interval(value, input.History.LastMonth.MonthsUntil(targets[k]));
                rows.Add(new ForecastRow(district, targets[k], value, lower, upper, chosen.Model, $"{why}; {chosen.Reason}", actual));
            }
        }
        return ForecastRun.From(request, rows);
    }

    private ModelSet SetAt(YearMonth cutoff)
    {
        if (!_sets.TryGetValue(cutoff, out var set))
        {
            _sets[cutoff] = set = new ModelSet(history.Until(cutoff), cutoff);
        }
        return set;
    }
}
