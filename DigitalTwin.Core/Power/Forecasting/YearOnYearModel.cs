namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Seasonal naive with drift: the target's month a year earlier (or the latest earlier year observed) times the
/// series' own year-on-year growth, the mean of value / value a year before over the last
/// <see cref="GrowthMonths"/> observations that have one. It carries the series' own calendar (not the
/// province's) and its current growth, so it errs differently from the ratio and shape models it is blended with.
/// </summary>
public sealed class YearOnYearModel : IForecastModel
{
    /// <summary>One month's growth carries its billing noise; three average it out and still follow a recent change.</summary>
    private const int GrowthMonths = 3;

    public string Name => ForecastModels.YearOnYear;

    public ModelForecast Forecast(ForecastInput input)
    {
        var history = input.History;
        if (Growth(history) is not { } growth)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("year-on-year.no-growth"));
        }
        var values = input.Targets.Select(t => SameMonthEarlier(history, t) is { } v ? v.Value * Math.Pow(growth, v.Years) : double.NaN).ToArray();
        if (values.All(double.IsNaN))
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("no-earlier-year"));
        }
        return ModelForecast.Ok(Name, values, ForecastReason.Of("year-on-year", growth));
    }

    private static double? Growth(MonthlySeries history)
    {
        var ratios = new List<double>(GrowthMonths);
        for (var i = history.Count - 1; i >= 0 && ratios.Count < GrowthMonths; i--)
        {
            if (history.MonthAt(i).MonthsUntil(history.LastMonth) >= 12)
            {
                break;
            }
            if (history.TryGet(history.MonthAt(i).AddMonths(-12), out var before) && before > 0 && history.ValueAt(i) > 0)
            {
                ratios.Add(history.ValueAt(i) / before);
            }
        }
        return ratios.Count > 0 ? ratios.Average() : null;
    }

    private static (double Value, int Years)? SameMonthEarlier(MonthlySeries history, YearMonth target)
    {
        var years = 1;
        for (var month = target.AddMonths(-12); history.Count > 0 && month >= history.MonthAt(0); month = month.AddMonths(-12), years++)
        {
            if (month <= history.LastMonth && history.TryGet(month, out var value) && value > 0)
            {
                return (value, years);
            }
        }
        return null;
    }
}
