namespace DigitalTwin.Core.Telemetry;

public enum Aggregation
{
    Avg,
    Min,
    Max,
    Last,

    /// <summary>Min, avg, max, last and count of each bucket at once (<see cref="History.HistoryStore.QueryBucketsAsync"/>).</summary>
    All,
}

/// <summary>A request for one metric's history, bucketed by <paramref name="Interval"/>.</summary>
/// <param name="Interval">Bucket width; null lets the store choose one that keeps the answer near <see cref="HistoryQuery.MaxPoints"/>.</param>
public sealed record HistoryQuery(
    string DeviceId,
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan? Interval,
    Aggregation Aggregation)
{
    public const int MaxPoints = 1000;
}

public readonly record struct HistoryPoint(DateTimeOffset Time, double Value);

public sealed record HistorySeries(
    string DeviceId,
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Interval,
    Aggregation Aggregation,
    IReadOnlyList<HistoryPoint> Points);

/// <summary>Every aggregate of one bucket, from one pass over it: a chart's min–max band and average in one query.</summary>
public readonly record struct HistoryBucket(DateTimeOffset Time, double Min, double Avg, double Max, double Last, long Count);

public sealed record HistoryBuckets(
    string DeviceId,
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Interval,
    IReadOnlyList<HistoryBucket> Buckets);
