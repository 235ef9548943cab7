namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The pure forecasting engine: no database, no clock. Give it a history (which may run past a cutoff; it
/// only ever looks at <see cref="PowerHistory.Until"/> the cutoff) and requests. Keeps the models of each
/// cutoff it has seen, so running all contract types for one cutoff trains the ML model once per origin.
/// Every request runs every model on every district (auto needs them all, and so does the side-by-side
/// comparison), then returns the requested model's rows. Not thread-safe.
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
        var models = ForecastModels.Concrete;
        var districts = set.History.Districts(request.ContractType);

        var backtests = districts.ToDictionary(
            d => d,
            d => Backtest.Run(d, request.ContractType, set, request.Horizon, models, SetAt).ToList());
        var ensemble = Ensemble.FromBacktests(backtests.Values.SelectMany(p => p));
        foreach (var points in backtests.Values)
        {
            points.AddRange(ensemble.Backtests(points).ToList());
        }
        var pools = ForecastModels.Scored.ToDictionary(m => m, _ => new ResidualPool());
        foreach (var point in backtests.Values.SelectMany(p => p))
        {
            pools[point.Model].Add(point.Steps, point.Target, point.Forecast, point.Actual);
        }

        var auto = new CalendarAuto(set, request.ContractType, targets);
        var scale = auto.IntervalScale(backtests.Values.SelectMany(p => p));
        var byModel = ForecastModels.Compared.ToDictionary(m => m, _ => new List<ForecastRow>(districts.Count * targets.Count));
        foreach (var district in districts)
        {
            var input = set.Input(district, request.ContractType, targets);
            var candidates = models.ToDictionary(m => m, m => set.Get(m).Forecast(input));
            candidates[ForecastModels.Ensemble] = ensemble.Combine(candidates, targets.Count);
            var actualSeries = actuals.Series(district, request.ContractType);
            foreach (var model in ForecastModels.Scored)
            {
                byModel[model].AddRange(Rows(input, candidates[model], model, pools[model], actualSeries));
            }
            byModel[ForecastModels.Auto].AddRange(set.Calendar.Samples > 0 ? auto.Rows(district, candidates, scale, actualSeries)
                : byModel[ForecastModels.Ensemble].TakeLast(targets.Count).Select(r => r with
                {
                    Model = ForecastModels.Auto,
                    Reason = ForecastReason.Of("auto.no-calendar", r.Reason),
                }));
        }
        var rows = request.Model == ForecastModels.Auto ? byModel[ForecastModels.Auto]
            : [.. byModel[request.Model].Select(r => r with { Reason = ForecastReason.Of("requested", r.Reason) })];
        var traits = districts.ToDictionary(d => d, d => DistrictTraits.Of(set.History, d));
        return ForecastRun.From(request, rows, byModel, traits);
    }

    private static IEnumerable<ForecastRow> Rows(ForecastInput input, ModelForecast forecast, string why, ResidualPool pool, MonthlySeries actuals)
    {
        for (var k = 0; k < input.Targets.Count; k++)
        {
            var target = input.Targets[k];
            double? actual = actuals.TryGet(target, out var a) ? a : null;
            var reason = ForecastReason.Of("model", why, forecast.Reason);
            if (!forecast.IsApplicable || double.IsNaN(forecast.Values![k]))
            {
                yield return new ForecastRow(input.District, target, null, null, null, forecast.Model, reason, actual);
                continue;
            }
            var value = forecast.Values![k];
            var (lower, upper) = pool.Interval(value, input.History.LastMonth.MonthsUntil(target));
            yield return new ForecastRow(input.District, target, value, lower, upper, forecast.Model, reason, actual);
        }
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
