namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>One scored forecast of auto and of its peer (<see cref="ForecastModels.ProvinceRatio"/>) on a province series.</summary>
public sealed record CalendarOutcome(
    string Sido, string ContractType, string Path, YearMonth Origin, YearMonth Target, double Auto, double Lower, double Upper, double? Peer, double Actual)
{
    public int Steps => Origin.MonthsUntil(Target);

    public double AutoApe => 100 * Math.Abs(Auto - Actual) / Actual;

    public double? PeerApe => Peer is { } p ? 100 * Math.Abs(p - Actual) / Actual : null;

    public bool Covered => Lower <= Actual && Actual <= Upper;

    /// <summary>Interval width relative to the forecast.</summary>
    public double Width => (Upper - Lower) / Auto;
}

/// <summary>
/// Auto scored the way it will be used, over every calendar month: each year of the province series is held out in
/// turn, everything auto learns (<see cref="CalendarModel"/>: weights, 합계's path, intervals) comes from the other
/// years, and the held-out year's targets are forecast from each origin up to twelve months before.
/// </summary>
public static class CalendarBacktest
{
    public static List<CalendarOutcome> Run(PowerHistory history) =>
        [.. CalendarEvaluation.Years(history).SelectMany(year => HeldOut(history, year))];

    /// <summary>
    /// The same, with each province forecast as a district is in the months the shipped district data lacks
    /// (<see cref="CalendarEvaluation.AsDistricts"/>): 합계 as the sum of its types and intervals from the same kind of
    /// forecasts of the other years (<see cref="CalendarModel.DistrictIntervals"/>), as auto does for districts; the
    /// peer is its last month × the nation's 합계 ratio.
    /// </summary>
    public static List<CalendarOutcome> RunAsDistricts(PowerHistory history) =>
        [.. CalendarEvaluation.Years(history).SelectMany(year => HeldOutAsDistricts(history, year))];

    public static IEnumerable<CalendarOutcome> HeldOut(PowerHistory history, int year)
    {
        var learnFrom = history.WithoutYear(year);
        var model = CalendarModel.For(learnFrom);
        var samples = CalendarEvaluation.Samples(history, learnFrom, year).ToList();
        return Outcomes(model.Intervals, model.Weights, samples, point => point.ContractType == ContractTypes.Total ? model.PathFor(point.Steps, point.Target.Month) : CalendarModel.Direct);
    }

    /// <remarks>The model of each held-out year is the one <see cref="HeldOut"/> learned (<see cref="CalendarModel.For"/>).</remarks>
    public static IEnumerable<CalendarOutcome> HeldOutAsDistricts(PowerHistory history, int year)
    {
        var learnFrom = history.WithoutYear(year);
        var model = CalendarModel.For(learnFrom);
        var samples = CalendarEvaluation.AsDistricts(history, learnFrom, year).ToList();
        return Outcomes(model.DistrictIntervals, model.Weights, samples, point => CalendarModel.DistrictPath(point.ContractType));
    }

    private static IEnumerable<CalendarOutcome> Outcomes(CalendarIntervals intervals, CalendarWeights weights, List<CalendarSample> samples, Func<CalendarPoint, string> pathOf)
    {
        var peer = CalendarEvaluation.Members.ToList().IndexOf(ForecastModels.ProvinceRatio);
        var peers = samples.ToDictionary(s => (s.Sido, s.ContractType, s.Origin, s.Target), s => s.Forecasts[peer]);
        foreach (var point in CalendarModel.Blend(samples, weights))
        {
            var path = pathOf(point);
            if (point.Model != path)
            {
                continue;
            }
            var (lower, upper) = intervals.Interval(point.Forecast, point.Cell, path);
            yield return new CalendarOutcome(
                point.Sido, point.ContractType, path, point.Origin, point.Target, point.Forecast, lower, upper,
                peers.TryGetValue((point.Sido, point.ContractType, point.Origin, point.Target), out var p) && double.IsFinite(p) ? p : null, point.Actual);
        }
    }
}
