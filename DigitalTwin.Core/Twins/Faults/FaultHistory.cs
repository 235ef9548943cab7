using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// The faults in a chart's range of history, judged on the points the chart draws (the same buckets and aggregate),
/// after a lead-in of at least <see cref="LeadReadings"/> earlier points at the same interval, so the detector has
/// learned the sensor's noise first. Bounded: at most 1 + <see cref="MaxLeadPages"/> bucket queries of at most
/// <see cref="HistoryQuery.MaxPoints"/> each, O(1) work per point.
/// </summary>
public sealed class FaultHistory(HistoryStore history)
{
    public const int LeadReadings = 200;
    public const int MaxLeadPages = 4;
    public const int MaxMarks = 40;

    /// <summary>The marks inside <paramref name="query"/>'s range (its interval is chosen as the store would for a chart).</summary>
    public async Task<IReadOnlyList<FaultMark>> ScanAsync(HistoryQuery query, FaultDetectorSettings settings, CancellationToken cancellationToken = default)
    {
        var interval = HistoryInterval.Choose(query.From, query.To, query.Interval, HistoryQuery.MaxPoints);
        var shown = await history.QueryAsync(query with { Interval = interval }, cancellationToken);
        return await ScanAsync(query, shown.Interval, shown.Points, settings, cancellationToken);
    }

    /// <summary>
    /// The marks of points a chart has already read for <paramref name="query"/>'s range at <paramref name="interval"/>
    /// (its buckets' <see cref="HistoryQuery.Aggregation"/> values): only the lead-in is read.
    /// </summary>
    public async Task<IReadOnlyList<FaultMark>> ScanAsync(
        HistoryQuery query, TimeSpan interval, IEnumerable<HistoryPoint> shown, FaultDetectorSettings settings, CancellationToken cancellationToken = default)
    {
        var lead = new List<HistoryPoint>();
        var page = interval * HistoryQuery.MaxPoints;
        for (var (to, pages) = (query.From, 0); lead.Count < LeadReadings && pages < MaxLeadPages; to -= page, pages++)
        {
            // Same interval as the chart: a lead-in of coarser points would teach the detector a smaller noise.
            var earlier = await history.QueryAsync(query with { From = to - page, To = to, Interval = interval }, cancellationToken);
            lead.InsertRange(0, earlier.Points);
        }
        return FaultMarks.Find(lead.Concat(shown), query.From, settings, MaxMarks);
    }
}
