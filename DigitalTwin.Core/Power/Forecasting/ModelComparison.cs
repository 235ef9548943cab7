namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// One model's errors in a run. <see cref="Comparable"/> models are scored on the same rows — those every
/// comparable model forecast and that have an actual — so their metrics can be ranked against each other;
/// a model that forecasts less than half of those rows is scored on its own rows and says so in <see cref="Note"/>.
/// </summary>
public sealed record ModelScore(string Model, int Forecasts, ForecastMetrics Metrics, bool Comparable, ForecastReason? Note);

public static class ModelComparison
{
    public static IReadOnlyList<ModelScore> Compare(IReadOnlyDictionary<string, List<ForecastRow>> rowsByModel)
    {
        var scored = rowsByModel.ToDictionary(
            p => p.Key,
            p => p.Value.Where(r => r.Error is not null).ToDictionary(r => (r.District, r.Target)));
        var withActual = rowsByModel.Values.SelectMany(rows => rows).Where(r => r.Actual is not null)
            .Select(r => (r.District, r.Target)).ToHashSet();
        var comparable = scored.Where(p => withActual.Count > 0 && p.Value.Count * 2 >= withActual.Count).Select(p => p.Key).ToHashSet();
        var common = withActual.Where(key => comparable.All(m => scored[m].ContainsKey(key))).ToHashSet();

        return [.. rowsByModel.Select(p =>
        {
            var forecasts = p.Value.Count(r => r.Forecast is not null);
            if (comparable.Contains(p.Key))
            {
                return new ModelScore(p.Key, forecasts, ForecastMetrics.From(common.Select(k => scored[p.Key][k])), true, null);
            }
            var note = forecasts == 0 ? Reason(p.Value)
                : withActual.Count == 0 ? ForecastReason.Of("score.no-actuals")
                : ForecastReason.Of("score.partial", scored[p.Key].Count, withActual.Count);
            return new ModelScore(p.Key, forecasts, ForecastMetrics.From(scored[p.Key].Values), false, note);
        })];
    }

    public static readonly IReadOnlyList<string> MetricNames = ["MAE", "MSE", "RMSE", "MAPE"];

    public static double Metric(ForecastMetrics metrics, string name) => name switch
    {
        "MAE" => metrics.Mae,
        "MSE" => metrics.Mse,
        "RMSE" => metrics.Rmse,
        "MAPE" => metrics.Mape,
        _ => throw new ArgumentException($"No metric '{name}'.", nameof(name)),
    };

    /// <summary>Per metric, the comparable model with the lowest value (the first on a tie, the simplest).</summary>
    public static IReadOnlyDictionary<string, string> Best(IReadOnlyList<ModelScore> scores) => MetricNames
        .Select(name => (name, Best: scores.Where(s => s.Comparable && double.IsFinite(Metric(s.Metrics, name))).MinBy(s => Metric(s.Metrics, name))))
        .Where(p => p.Best is not null)
        .ToDictionary(p => p.name, p => p.Best!.Model);

    /// <summary>The most common reason a model gave for not forecasting, e.g. ETS's "needs ≥ 2 seasons".</summary>
    private static ForecastReason? Reason(List<ForecastRow> rows) => rows
        .GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
}
