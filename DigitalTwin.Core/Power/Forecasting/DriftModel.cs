namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The line through the first and last observation, continued: naive plus the average monthly change.
/// Gaps are fine because the slope is per calendar month, not per observation.
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
        var slope = (history.LastValue - history.ValueAt(0)) / first.MonthsUntil(last);
        return ModelForecast.Ok(
            Name,
            [.. input.Targets.Select(t => history.LastValue + slope * last.MonthsUntil(t))],
            $"average change per month from {first} to {last}");
    }
}
