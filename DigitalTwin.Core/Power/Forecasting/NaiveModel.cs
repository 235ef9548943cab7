namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>Every target gets the last observed value: the baseline every other model has to beat.</summary>
public sealed class NaiveModel : IForecastModel
{
    public string Name => ForecastModels.Naive;

    public ModelForecast Forecast(ForecastInput input)
    {
        if (input.History.Count == 0)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("no-observation"));
        }
        var last = input.History.LastValue;
        return ModelForecast.Ok(Name, [.. input.Targets.Select(_ => last)], ForecastReason.Of("naive", input.History.LastMonth));
    }
}
