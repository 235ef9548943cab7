namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The line through the first and last observation, continued: naive plus the average monthly change.
/// Gaps are fine because the slope is per calendar month, not per observation. It does not reach further
/// ahead than the span it was measured over: a Jan→Apr slope carried to December is the seasonal swing
/// mistaken for a trend (the backtest showed 100 %+ errors doing that).
/// </summary>
public sealed class DriftModel : IForecastModel
{
    public string Name => ForecastModels.Drift;

    public ModelForecast Forecast(ForecastInput input)
    {
        var history = input.History;
        if (history.Count < 2)
        {
            return ModelForecast.NotApplicable(Name, $"needs 2 observations, has {history.Count}");
        }
        var first = history.MonthAt(0);
        var last = history.LastMonth;
        var span = first.MonthsUntil(last);
        var reach = input.Targets.Max(t => last.MonthsUntil(t));
        if (reach > span)
        {
            return ModelForecast.NotApplicable(Name, $"{reach} months ahead of a slope measured over {span}");
        }
        var slope = (history.LastValue - history.ValueAt(0)) / span;
        return ModelForecast.Ok(
            Name,
            [.. input.Targets.Select(t => history.LastValue + slope * last.MonthsUntil(t))],
            $"average change per month from {first} to {last}");
    }
}
