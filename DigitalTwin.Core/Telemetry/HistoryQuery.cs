namespace DigitalTwin.Core.Telemetry;

public enum Aggregation
{
    Avg,
    Min,
    Max,
    Last,
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
