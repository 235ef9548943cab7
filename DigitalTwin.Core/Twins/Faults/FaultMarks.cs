using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// Where the fault detector disagrees with a chart's readings: a point for a spike or a fast change, a period for a
/// drift, a stuck value or a dropout (consecutive verdicts of one kind merged into one mark).
/// </summary>
/// <param name="Since">The reading the fault began with (the spike itself, the start of the drift or the silence).</param>
/// <param name="Until">The last reading that still showed it (for a dropout, the reading that ended the silence).</param>
/// <param name="Value">The reading to mark: the spike's value, the new level, the stuck value, the last before a dropout.</param>
public sealed record FaultMark(FaultKind Kind, DateTimeOffset Since, DateTimeOffset Until, double Value, double Score, string Reason)
{
    /// <summary>Spikes and fast changes are moments; the other kinds last.</summary>
    public bool IsPoint => Kind is FaultKind.Spike or FaultKind.FastChange;
}

/// <summary>Runs a <see cref="FaultDetector"/> over a chart's points and names the faults it sees.</summary>
public static class FaultMarks
{
    /// <summary>The marks of the readings from <paramref name="shownFrom"/> on; the earlier ones only teach the detector.</summary>
    /// <param name="points">Time-ordered readings: the lead-in, then the shown ones.</param>
    /// <param name="max">At most this many marks are kept: the highest scores.</param>
    public static IReadOnlyList<FaultMark> Find(IEnumerable<HistoryPoint> points, DateTimeOffset shownFrom, FaultDetectorSettings settings, int max)
    {
        var detector = new FaultDetector(settings);
        var marks = new List<FaultMark>();
        FaultMark? open = null;
        foreach (var point in points)
        {
            var verdict = detector.Observe(point.Time, point.Value);
            if (verdict is not null && open is not null && verdict.Kind == open.Kind && !open.IsPoint)
            {
                open = open with { Until = point.Time, Score = Math.Max(open.Score, verdict.Score), Reason = verdict.Reason };
                continue;
            }
            Close(open);
            open = verdict is null ? null : new FaultMark(verdict.Kind, verdict.Since, point.Time, verdict.Value, verdict.Score, verdict.Reason);
        }
        Close(open);
        return [.. marks.OrderByDescending(m => m.Score).Take(max).OrderBy(m => m.Since)];

        void Close(FaultMark? mark)
        {
            if (mark is not null && mark.Until >= shownFrom)
            {
                marks.Add(mark);
            }
        }
    }
}
