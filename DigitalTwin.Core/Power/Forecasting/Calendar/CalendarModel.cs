using System.Collections.Concurrent;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// What auto learns per target calendar month from the province series (<see cref="CalendarEvaluation"/>, leave
/// one year out): how much to trust each member (<see cref="CalendarWeights"/>), whether 합계 is better forecast
/// directly or as the sum of its contract types, and how wide a 90 % interval must be
/// (<see cref="CalendarIntervals"/>). The district data only has January–April, so this is where auto learns
/// about the summer peak and the autumn drop.
/// </summary>
public sealed class CalendarModel
{
    public const string Direct = "direct";
    public const string BottomUp = "bottom-up";

    private readonly Dictionary<(int Steps, int Month), (double Direct, double BottomUp)> _paths;

    /// <summary>The same province series give the same model, and they are the same for every cutoff after them: learn once.</summary>
    private static readonly ConcurrentDictionary<long, CalendarModel> Learned = new();
    private const int Remembered = 8;

    private CalendarModel(CalendarWeights weights, Dictionary<(int, int), (double, double)> paths, CalendarIntervals intervals, CalendarIntervals districtIntervals, int samples)
    {
        DistrictIntervals = districtIntervals;
        Samples = samples;
        Weights = weights;
        _paths = paths;
        Intervals = intervals;
    }

    public CalendarWeights Weights { get; }

    /// <summary>The province forecasts it learned from; 0 when the history has no province series (then auto falls back to the ensemble).</summary>
    public int Samples { get; }

    public CalendarIntervals Intervals { get; }

    /// <summary>
    /// Intervals learned from the province series forecast as districts are (<see cref="CalendarEvaluation.AsDistricts"/>):
    /// for a target month that no earlier year of the series shows, where the members that read it have nothing.
    /// </summary>
    public CalendarIntervals DistrictIntervals { get; }

    /// <param name="ownYear">Whether the series has the target's month in an earlier year (a seasonal-naive or year-on-year forecast).</param>
    public CalendarIntervals IntervalsFor(bool ownYear) => ownYear ? Intervals : DistrictIntervals;

    /// <summary><see cref="Learn"/>, or the model already learned from the same province series.</summary>
    public static CalendarModel For(PowerHistory history)
    {
        var key = history.ProvinceFingerprint();
        if (Learned.TryGetValue(key, out var model))
        {
            return model;
        }
        if (Learned.Count >= Remembered)
        {
            Learned.Clear();
        }
        return Learned.GetOrAdd(key, _ => Learn(history));
    }

    /// <summary>Learns from the province series of <paramref name="history"/> only; equal weights and wide intervals without any.</summary>
    public static CalendarModel Learn(PowerHistory history)
    {
        var samples = CalendarEvaluation.LeaveOneYearOut(history);
        var weights = CalendarWeights.Learn(samples);
        var blended = Blend(samples, weights);
        var paths = blended.Where(p => p.ContractType == ContractTypes.Total)
            .GroupBy(p => (p.Steps, p.Target.Month))
            .ToDictionary(g => g.Key, g => (Mape(g, Direct), Mape(g, BottomUp)));
        var chosen = blended.Where(p => p.ContractType != ContractTypes.Total || p.Model == Path(paths, p.Steps, p.Target.Month)).ToList();
        // 합계 by both paths: a district's rows take the sum of its types, its noise is measured on its direct blend.
        var asDistricts = Blend(CalendarEvaluation.LeaveOneYearOutAsDistricts(history), weights);
        return new CalendarModel(weights, paths, CalendarIntervals.Learn(chosen), CalendarIntervals.Learn(asDistricts), samples.Count);
    }

    /// <summary>The path a district's forecast takes wherever every part has one: 합계 as the sum of its types (its own mix).</summary>
    public static string DistrictPath(string contractType) => contractType == ContractTypes.Total ? BottomUp : Direct;

    /// <summary>The path (<see cref="Direct"/> or <see cref="BottomUp"/>) whose blend had the lower MAPE for 합계 at this many steps into this calendar month.</summary>
    public string PathFor(int steps, int month) => Path(_paths, steps, month);

    public ForecastReason WhyPath(int steps, int month) => _paths.TryGetValue((steps, month), out var m)
        ? ForecastReason.Of("path", month, steps, m.BottomUp, m.Direct)
        : ForecastReason.Of("path.none");

    /// <summary>
    /// Blends the members of every sample, then adds the bottom-up 합계: the sum of its seven contract types'
    /// blends for the same province, origin and target, where all seven exist.
    /// </summary>
    public static List<CalendarPoint> Blend(IEnumerable<CalendarSample> samples, CalendarWeights weights)
    {
        var direct = samples
            .Select(s => new CalendarPoint(s.Sido, s.ContractType, Direct, s.Origin, s.Target, weights.Blend(s.Cell, s.Forecasts), s.Actual))
            .Where(p => p.Forecast > 0)
            .ToList();
        var totals = direct.Where(p => p.ContractType == ContractTypes.Total).ToDictionary(p => (p.Sido, p.Origin, p.Target));
        var bottomUp = direct.Where(p => p.ContractType != ContractTypes.Total)
            .GroupBy(p => (p.Sido, p.Origin, p.Target))
            .Where(g => g.Count() == ContractTypes.Parts.Count && totals.ContainsKey(g.Key))
            .Select(g => totals[g.Key] with { Model = BottomUp, Forecast = g.Sum(p => p.Forecast) });
        return [.. direct, .. bottomUp];
    }

    private static string Path(Dictionary<(int, int), (double Direct, double BottomUp)> paths, int steps, int month) =>
        paths.TryGetValue((steps, month), out var m) && m.BottomUp < m.Direct ? BottomUp : Direct;

    private static double Mape(IEnumerable<CalendarPoint> points, string path)
    {
        var errors = points.Where(p => p.Model == path).Select(p => p.AbsPctError).ToList();
        return errors.Count > 0 ? errors.Average() : double.PositiveInfinity;
    }
}
