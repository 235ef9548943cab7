namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Each target gets the value of the same calendar month in the latest earlier year that is observed
/// (2024-04 ← 2023-04; 2024-05 ← 2023-05, or 2022-05 when 2023-05 is a gap).
/// </summary>
public sealed class SeasonalNaiveModel : IForecastModel
{
    public string Name => ForecastModels.SeasonalNaive;

    public ModelForecast Forecast(ForecastInput input)
    {
        var values = new double[input.Targets.Count];
        var missing = new List<YearMonth>();
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryFindSameMonth(input.History, input.Targets[i], out values[i]))
            {
                values[i] = double.NaN;
                missing.Add(input.Targets[i]);
            }
        }
        if (missing.Count == values.Length)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("no-earlier-year"));
        }
        return ModelForecast.Ok(
            Name,
            values,
            missing.Count > 0 ? ForecastReason.Of("seasonal-naive.gaps", missing) : ForecastReason.Of("seasonal-naive"));
    }

    private static bool TryFindSameMonth(MonthlySeries history, YearMonth target, out double value)
    {
        value = double.NaN;
        if (history.Count == 0)
        {
            return false;
        }
        for (var month = target.AddMonths(-12); month >= history.MonthAt(0); month = month.AddMonths(-12))
        {
            if (history.TryGet(month, out value))
            {
                return true;
            }
        }
        return false;
    }
}
