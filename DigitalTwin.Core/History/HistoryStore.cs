using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.History;

/// <summary>Reads history: aggregated series for charts and the API, and the last values a twin starts from.</summary>
public sealed class HistoryStore(IHistoryDatabase database)
{
    /// <summary>One aggregate per bucket; <see cref="Aggregation.All"/> is answered by <see cref="QueryBucketsAsync"/>.</summary>
    public async Task<HistorySeries> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        Func<HistoryBucket, double> value = query.Aggregation switch
        {
            Aggregation.Min => b => b.Min,
            Aggregation.Max => b => b.Max,
            Aggregation.Last => b => b.Last,
            Aggregation.Avg => b => b.Avg,
            _ => throw new ArgumentException($"{query.Aggregation} is not one value per bucket; use {nameof(QueryBucketsAsync)}.", nameof(query)),
        };
        var buckets = await QueryBucketsAsync(query, cancellationToken);
        return new HistorySeries(query.DeviceId, query.Metric, query.From, query.To, buckets.Interval, query.Aggregation,
            [.. buckets.Buckets.Select(b => new HistoryPoint(b.Time, value(b)))]);
    }

    /// <summary>Min, avg, max, last and count of each bucket from one pass: what a chart with a min–max band needs, in one query.</summary>
    public async Task<HistoryBuckets> QueryBucketsAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var interval = HistoryInterval.Choose(query.From, query.To, query.Interval, HistoryQuery.MaxPoints);
        var buckets = await database.BucketsAsync(query.DeviceId, query.Metric,
            query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds(), (long)interval.TotalMilliseconds, cancellationToken);
        return new HistoryBuckets(query.DeviceId, query.Metric, query.From, query.To, interval, buckets);
    }

    /// <summary>The newest stored value of each metric of a device, so a twin survives a restart.</summary>
    public Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(string deviceId, CancellationToken cancellationToken = default) =>
        database.LatestAsync(deviceId, cancellationToken);

    public Task<IReadOnlyList<string>> DeviceIdsAsync(CancellationToken cancellationToken = default) =>
        database.DeviceIdsAsync(cancellationToken);

    /// <summary>Streams a device's samples in [from, to) as CSV with the given metric columns; returns the rows written.</summary>
    public Task<long> ExportCsvAsync(TextWriter writer, string deviceId, IReadOnlyList<string> metrics, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        HistoryCsv.WriteAsync(writer, metrics,
            database.ReadRawAsync(deviceId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), cancellationToken), cancellationToken);
}
