namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Rolling-origin forecasts of every province series, leave one year out: the targets of year Y are forecast
/// from each earlier month up to <see cref="ForecastRequest.MaxHorizon"/> ahead by the models that can run on a
/// province series, with their ratios and seasonal shapes learned from the history without year Y. A forecast
/// sees the series up to its origin (its input) and nothing of year Y after it.
/// </summary>
public static class CalendarEvaluation
{
    /// <summary>The models auto blends: those that need only the series and the province's calendar, so they can be scored on every calendar month.</summary>
    public static readonly IReadOnlyList<string> Members =
        [ForecastModels.Naive, ForecastModels.SeasonalNaive, ForecastModels.YearOnYear, ForecastModels.ProvinceShape, ForecastModels.ProvinceRatio];

    private static readonly IForecastModel[] Models = [new NaiveModel(), new SeasonalNaiveModel(), new YearOnYearModel(), new ProvinceShapeModel(), new ProvinceRatioModel()];

    /// <summary>The years with province data, each of which can be held out.</summary>
    public static IReadOnlyList<int> Years(PowerHistory history) => [.. ContractTypes.All
        .SelectMany(type => history.Provinces(type).Select(sido => history.Series(new District(sido, PowerUsage.ProvinceTotal), type)))
        .SelectMany(series => Enumerable.Range(0, series.Count).Select(i => series.MonthAt(i).Year))
        .Distinct().Order()];

    /// <summary>Every year held out in turn, parameters learned from the others.</summary>
    public static List<CalendarSample> LeaveOneYearOut(PowerHistory history) =>
        [.. Years(history).SelectMany(year => Samples(history, history.WithoutYear(year), year))];

    /// <summary><see cref="AsDistricts"/> with every year held out in turn.</summary>
    public static List<CalendarSample> LeaveOneYearOutAsDistricts(PowerHistory history) =>
        [.. Years(history).SelectMany(year => AsDistricts(history, history.WithoutYear(year), year))];

    /// <summary>The forecasts of the targets in <paramref name="year"/>: inputs from <paramref name="history"/>, parameters from <paramref name="learnFrom"/>.</summary>
    public static IEnumerable<CalendarSample> Samples(PowerHistory history, PowerHistory learnFrom, int year)
    {
        var ratios = new ProvinceRatios(learnFrom);
        return Forecasts(history, year, (sido, type) => (learnFrom.ProvinceProfile(sido, type), ratios.For(sido, type)), Models);
    }

    /// <summary>
    /// The province series forecast the way a district is after the shipped months: with the ratios and shape of
    /// the level above (the nation's, learned without <paramref name="year"/>) and without the members that need
    /// the series' own last year (a district has only January–April of earlier years). The province-ratio member
    /// is then the analogue of the peer a district is scored against: its last month × its parent's ratio.
    /// </summary>
    public static IEnumerable<CalendarSample> AsDistricts(PowerHistory history, PowerHistory learnFrom, int year)
    {
        var ratios = new ProvinceRatios(learnFrom);
        IForecastModel?[] models = [.. Models.Select(m => OwnYear.Contains(m.Name) ? null : m)];
        return Forecasts(history, year, (_, type) => (ratios.NationalProfile(type), ratios.National(type)), models);
    }

    /// <summary>Members that read the same month of the series' own earlier years.</summary>
    public static readonly IReadOnlyList<string> OwnYear = [ForecastModels.SeasonalNaive, ForecastModels.YearOnYear];

    private static IEnumerable<CalendarSample> Forecasts(
        PowerHistory history, int year, Func<string, string, (SeasonalProfile? Profile, MonthRatios? Ratios)> calendar, IForecastModel?[] models)
    {
        foreach (var type in ContractTypes.All)
        {
            foreach (var sido in history.Provinces(type))
            {
                var province = new District(sido, PowerUsage.ProvinceTotal);
                var series = history.Series(province, type);
                var (profile, monthRatios) = calendar(sido, type);
                for (var i = 0; i < series.Count; i++)
                {
                    var origin = series.MonthAt(i);
                    var targets = Enumerable.Range(1, ForecastRequest.MaxHorizon).Select(origin.AddMonths)
                        .Where(t => t.Year == year && series.TryGet(t, out var v) && v > 0).ToList();
                    if (targets.Count == 0 || !(series.ValueAt(i) > 0))
                    {
                        continue;
                    }
                    var input = new ForecastInput(province, type, series.Until(origin), origin, targets, profile, monthRatios);
                    var forecasts = models.Select(m => m?.Forecast(input)).ToArray();
                    for (var k = 0; k < targets.Count; k++)
                    {
                        series.TryGet(targets[k], out var actual);
                        var values = forecasts.Select(f => f is { IsApplicable: true } && f.Values![k] > 0 ? f.Values[k] : double.NaN).ToArray();
                        yield return new CalendarSample(sido, type, origin, targets[k], values, actual);
                    }
                }
            }
        }
    }
}
