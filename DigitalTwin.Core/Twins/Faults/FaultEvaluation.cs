namespace DigitalTwin.Core.Twins.Faults;

/// <summary>A fault the detector raised: its kind, when it was raised, and when it says the fault began.</summary>
public sealed record Detection(FaultKind Kind, DateTimeOffset At, DateTimeOffset Since, string Reason);

/// <summary>Runs a <see cref="FaultDetector"/> over a series and scores what it raised against what was injected.</summary>
public static class FaultEvaluation
{
    /// <summary>Readings after a fault ends during which a detection still counts as that fault (a drift ends with a jump back).</summary>
    public const int GraceReadings = 3;

    /// <summary>Every raised fault: a verdict after a reading without one, or of another kind.</summary>
    public static IReadOnlyList<Detection> Detect(SensorSeries series, FaultDetectorSettings settings)
    {
        var detector = new FaultDetector(settings);
        var detections = new List<Detection>();
        FaultKind? previous = null;
        for (var i = 0; i < series.Length; i++)
        {
            var verdict = detector.Observe(series.Times[i], series.Values[i]);
            if (verdict is not null && verdict.Kind != previous)
            {
                detections.Add(new Detection(verdict.Kind, verdict.At, verdict.Since, verdict.Reason));
            }
            previous = verdict?.Kind;
        }
        return detections;
    }

    /// <summary>The first detection that falls in the fault's window (start to end plus grace), if any.</summary>
    public static Detection? Match(InjectedFault fault, IEnumerable<Detection> detections, TimeSpan interval) =>
        detections.FirstOrDefault(d => d.At >= fault.Start && d.At <= fault.End + (interval * GraceReadings));

    public static bool IsFalseAlarm(Detection detection, IEnumerable<InjectedFault> truth, TimeSpan interval) =>
        !truth.Any(f => detection.At >= f.Start && detection.At <= f.End + (interval * GraceReadings));
}
