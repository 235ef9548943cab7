namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// For districts whose own history is too short to show a seasonal cycle: take the district's recent level,
/// remove the province's month-of-year effect from it, and put the target month's effect back —
/// forecast(m) = mean(y(t) / index(t) over the last observations) × index(m), with the province (per
/// contract type) seasonal index built from the province series.
/// </summary>
public sealed class ProvinceShapeModel : IForecastModel
{
    /// <summary>More months average out noise; older ones miss a recent level shift. Three is a compromise.</summary>
    private const int LevelMonths = 3;

    public string Name => ForecastModels.ProvinceShape;

    public ModelForecast Forecast(ForecastInput input)
    {
        var history = input.History;
        if (input.ProvinceProfile is not { } profile)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("province-shape.no-profile"));
        }
        if (history.Count == 0)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("no-observation"));
        }
        // Only observations from the last 12 months count: a level from a year ago misses a year of growth.
        var first = Math.Max(0, history.Count - LevelMonths);
        var used = Enumerable.Range(first, history.Count - first)
            .Where(i => history.MonthAt(i).MonthsUntil(history.LastMonth) < 12)
            .ToList();
        var level = used.Average(i => history.ValueAt(i) / profile[history.MonthAt(i).Month]);
        return ModelForecast.Ok(
            Name,
            [.. input.Targets.Select(t => level * profile[t.Month])],
            ForecastReason.Of("province-shape", history.MonthAt(used[0]), history.LastMonth, profile.Source));
    }
}
