using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Core.History;

/// <summary>Reads history: aggregated series for charts and the API, and the last values a twin starts from.</summary>
public sealed class HistoryStore(IHistoryDatabase database)
{
    public async Task<HistorySeries> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var interval = HistoryInterval.Choose(query.From, query.To, query.Interval, HistoryQuery.MaxPoints);
        var points = await database.AggregateAsync(query, (long)interval.TotalMilliseconds, cancellationToken);
        return new HistorySeries(query.DeviceId, query.Metric, query.From, query.To, interval, query.Aggregation, points);
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
