namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The simple peer every other forecast has to beat: next month = this month × the province's average
/// month-on-month ratio for that calendar month (<see cref="ProvinceRatios"/>), chained for longer horizons.
/// </summary>
public sealed class ProvinceRatioModel : IForecastModel
{
    public string Name => ForecastModels.ProvinceRatio;

    public ModelForecast Forecast(ForecastInput input)
    {
        if (input.ProvinceRatios is not { } ratios)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("province-ratio.no-ratios"));
        }
        if (input.History.Count == 0 || !(input.History.LastValue > 0))
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("province-ratio.no-positive"));
        }
        var last = input.History.LastMonth;
        return ModelForecast.Ok(
            Name,
            [.. input.Targets.Select(t => input.History.LastValue * ratios.Path(last, t))],
            ForecastReason.Of("province-ratio", last, ratios.Source));
    }
}
