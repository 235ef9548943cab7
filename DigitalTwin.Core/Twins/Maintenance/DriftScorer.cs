using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Core.Twins.Maintenance;

/// <summary>
/// Scores how far a series has moved from its own first days. One pass of a <see cref="FaultDetector"/> gives the
/// one-step misses (their scatter is the noise) and the faults; a daily pattern (hour-of-day means) fitted on the
/// baseline gives the bias. O(n) time, O(days) memory besides the series.
/// </summary>
public static class DriftScorer
{
    /// <summary>Less history than this, and there is no baseline and recent window worth comparing.</summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromDays(1.5);

    private const int MinimumWindowReadings = 12;

    /// <param name="heater">The heater's on-share per reading (0..1, NaN where unknown), aligned with the readings; null when not reported.</param>
    public static DeviceDrift Score(string deviceId, SensorSeries readings, double[]? heater = null)
    {
        if (readings.Length == 0)
        {
            return DeviceDrift.Unjudged(deviceId, readings.Metric, default, default, 0);
        }
        var (from, to) = (readings.Times[0], readings.Times[^1]);
        var baselineEnd = from + (readings.Span / 3);
        var recentStart = to - (readings.Span / 3);
        var baseline = Enumerable.Range(0, readings.Length).Where(i => readings.Times[i] < baselineEnd).ToArray();
        var recent = Enumerable.Range(0, readings.Length).Where(i => readings.Times[i] >= recentStart).ToArray();
        if (readings.Span < MinimumSpan || baseline.Length < MinimumWindowReadings || recent.Length < MinimumWindowReadings)
        {
            return DeviceDrift.Unjudged(deviceId, readings.Metric, from, to, readings.Length);
        }

        var (misses, faults) = Detect(readings);
        var deviations = DeviationsFromPattern(readings, baseline);
        var baselineNoise = RobustSigma.Trimmed(baseline.Select(i => misses[i]));
        var recentNoise = RobustSigma.Trimmed(recent.Select(i => misses[i]));
        var noiseRatio = recentNoise / Math.Max(baselineNoise, 1e-6);
        var biasShift = Mean(recent.Select(i => deviations[i])) - Mean(baseline.Select(i => deviations[i]));
        var biasSpread = Math.Max(StandardDeviation(baseline.Select(i => deviations[i])), Math.Max(baselineNoise, 0.01));
        var windowDays = Math.Max(readings.Span.TotalDays / 3, 1e-3);
        var baselineFaults = faults.Count(t => t < baselineEnd) / windowDays;
        var recentFaults = faults.Count(t => t >= recentStart) / windowDays;
        var baselineDuty = Duty(heater, baseline);
        var recentDuty = Duty(heater, recent);
        var baselineHeating = HeatingRate(readings, heater, baseline);
        var recentHeating = HeatingRate(readings, heater, recent);

        (double Score, DriftCause Cause)[] causes =
        [
            (Math.Max(0, Math.Log2(noiseRatio)), DriftCause.Noise),
            (Math.Abs(biasShift) / (2 * biasSpread), DriftCause.Bias),
            (Math.Max(0, recentFaults - baselineFaults) / 2, DriftCause.Faults),
            (DutyScore(baselineDuty, recentDuty), DriftCause.HeaterDuty),
            (HeatingScore(baselineHeating, recentHeating), DriftCause.HeatingRate),
        ];
        var worst = causes.MaxBy(c => c.Score);
        return new DeviceDrift(deviceId, readings.Metric, from, to, readings.Length, worst.Score, worst.Score >= 1 ? worst.Cause : DriftCause.None,
            baselineNoise, recentNoise, noiseRatio, biasShift, biasSpread, baselineFaults, recentFaults, baselineDuty, recentDuty,
            baselineHeating, recentHeating, Days(readings, misses, deviations, faults, heater));
    }

    /// <summary>The detector's one-step miss at each reading (NaN while it warms up) and the times it raised a fault.</summary>
    private static (double[] Misses, List<DateTimeOffset> Faults) Detect(SensorSeries readings)
    {
        var detector = new FaultDetector();
        var misses = new double[readings.Length];
        var faults = new List<DateTimeOffset>();
        FaultKind? previous = null;
        for (var i = 0; i < readings.Length; i++)
        {
            var (at, value) = (readings.Times[i], readings.Values[i]);
            misses[i] = detector.IsWarm ? value - detector.Predict(at) : double.NaN;
            var verdict = detector.Observe(at, value);
            if (verdict is not null && verdict.Kind != previous)
            {
                faults.Add(verdict.At);
            }
            previous = verdict?.Kind;
        }
        return (misses, faults);
    }

    /// <summary>Each reading less the baseline's mean for its hour of day (the baseline's mean where that hour was never seen).</summary>
    private static double[] DeviationsFromPattern(SensorSeries readings, int[] baseline)
    {
        var sums = new double[24];
        var counts = new int[24];
        foreach (var i in baseline)
        {
            sums[readings.Times[i].Hour] += readings.Values[i];
            counts[readings.Times[i].Hour]++;
        }
        var level = Mean(baseline.Select(i => readings.Values[i]));
        return [.. Enumerable.Range(0, readings.Length).Select(i =>
        {
            var hour = readings.Times[i].Hour;
            return readings.Values[i] - (counts[hour] > 0 ? sums[hour] / counts[hour] : level);
        })];
    }

    private static IReadOnlyList<DayDrift> Days(SensorSeries readings, double[] misses, double[] deviations, List<DateTimeOffset> faults, double[]? heater) =>
        [.. Enumerable.Range(0, readings.Length)
            .GroupBy(i => DateOnly.FromDateTime(readings.Times[i].UtcDateTime))
            .Select(day => new DayDrift(day.Key, day.Count(), RobustSigma.Trimmed(day.Select(i => misses[i])), Mean(day.Select(i => deviations[i])),
                faults.Count(t => DateOnly.FromDateTime(t.UtcDateTime) == day.Key), Duty(heater, day)))];

    /// <summary>The heater's mean on-share over the readings; null when it is not reported there.</summary>
    private static double? Duty(double[]? heater, IEnumerable<int> indexes)
    {
        var duty = heater is null ? double.NaN : Mean(indexes.Select(i => heater[i]));
        return double.IsFinite(duty) ? duty : null;
    }

    /// <summary>
    /// How fast the room rises while its heater is on (K/h): the mean over steps with the heater on at both ends.
    /// It falls when the heater weakens or the room leaks more; it also falls in colder weather, which the score does
    /// not know about. Null with fewer than <see cref="MinimumWindowReadings"/> such steps.
    /// </summary>
    private static double? HeatingRate(SensorSeries readings, double[]? heater, int[] window)
    {
        if (heater is null)
        {
            return null;
        }
        var rates = window.Where(i => i > 0 && heater[i - 1] >= 0.5 && heater[i] >= 0.5)
            .Select(i => (readings.Values[i] - readings.Values[i - 1]) / (readings.Times[i] - readings.Times[i - 1]).TotalHours)
            .ToArray();
        return rates.Length >= MinimumWindowReadings ? rates.Average() : null;
    }

    /// <summary>Only a slower warm-up is a maintenance matter: halved is 1. A baseline that barely rose says nothing.</summary>
    private static double HeatingScore(double? baseline, double? recent) =>
        baseline is { } b && recent is { } r && b >= 0.1
            ? Math.Max(0, Math.Log2(b / Math.Max(r, b / 16)))
            : 0;

    private static double DutyScore(double? baseline, double? recent) =>
        baseline is { } b && recent is { } r && Math.Max(b, r) >= 0.05
            ? Math.Abs(Math.Log2(Math.Max(r, 0.02) / Math.Max(b, 0.02)))
            : 0;

    private static double Mean(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
        {
            return 0;
        }
        var mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
    }
}
