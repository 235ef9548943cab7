namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Holt-Winters with trend and 12-month seasonality on the district's own history. It needs two full
/// seasons of consecutive months to tell season from trend, which no district has in the shipped data
/// (2023-01..04 and 2024-01..04) — it says so, and <see cref="ProvinceShapeModel"/> borrows a shape instead.
/// Fits additive and, for positive series, multiplicative seasonality and keeps the better in-sample fit;
/// <paramref name="seasonality"/> forces one.
/// </summary>
public sealed class EtsModel(Seasonality? seasonality = null) : IForecastModel
{
    public string Name => ForecastModels.Ets;

    public ModelForecast Forecast(ForecastInput input)
    {
        var tail = input.History.ContiguousTail();
        if (tail.Length < 2 * HoltWinters.Period)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("ets.short", 2 * HoltWinters.Period, tail.Length));
        }
        var kinds = seasonality is { } forced ? [forced]
            : tail.All(v => v > 0) ? [Seasonality.Additive, Seasonality.Multiplicative]
            : new[] { Seasonality.Additive };
        if (seasonality == Seasonality.Multiplicative && tail.Any(v => v <= 0))
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("ets.not-positive"));
        }
        var fit = kinds.Select(k => HoltWinters.Fit(tail, k)).MinBy(f => f.Sse)!;
        var steps = input.Targets.Max(t => input.History.LastMonth.MonthsUntil(t));
        var path = fit.Forecast(tail, steps);
        return ModelForecast.Ok(
            Name,
            [.. input.Targets.Select(t => path[input.History.LastMonth.MonthsUntil(t) - 1])],
            ForecastReason.Of($"ets.{fit.Seasonality.ToString().ToLowerInvariant()}", fit.Alpha, fit.Beta, fit.Gamma, tail.Length));
    }
}
