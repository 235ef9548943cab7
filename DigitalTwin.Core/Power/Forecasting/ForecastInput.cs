namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Everything a model may look at for one series. <see cref="History"/> holds only months up to
/// <see cref="Cutoff"/>; <see cref="ProvinceProfile"/> and <see cref="ProvinceRatios"/> were computed from data up to the cutoff as well.
/// </summary>
public sealed record ForecastInput(
    District District,
    string ContractType,
    MonthlySeries History,
    YearMonth Cutoff,
    IReadOnlyList<YearMonth> Targets,
    SeasonalProfile? ProvinceProfile = null,
    MonthRatios? ProvinceRatios = null);

public interface IForecastModel
{
    string Name { get; }

    ModelForecast Forecast(ForecastInput input);
}
