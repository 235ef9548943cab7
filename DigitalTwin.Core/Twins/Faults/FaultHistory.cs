using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// The faults in a chart's range of history, judged on the points the chart draws (the same buckets and aggregate),
/// after a lead-in of <see cref="LeadBuckets"/> earlier buckets so the detector has learned the sensor's noise first.
/// Bounded: two bucket queries of at most <see cref="HistoryQuery.MaxPoints"/> each, O(1) work per point.
/// </summary>
public sealed class FaultHistory(HistoryStore history)
{
    public const int LeadBuckets = 400;
    public const int MaxMarks = 40;

    /// <summary>The marks inside <paramref name="query"/>'s range (its interval is chosen as the store would for a chart).</summary>
    public async Task<IReadOnlyList<FaultMark>> ScanAsync(HistoryQuery query, FaultDetectorSettings settings, CancellationToken cancellationToken = default)
    {
        var interval = HistoryInterval.Choose(query.From, query.To, query.Interval, HistoryQuery.MaxPoints);
        var shown = await history.QueryAsync(query with { Interval = interval }, cancellationToken);
        var lead = await history.QueryAsync(query with { From = query.From - (interval * LeadBuckets), To = query.From, Interval = interval }, cancellationToken);
        return FaultMarks.Find(lead.Points.Concat(shown.Points), query.From, settings, MaxMarks);
    }
}
