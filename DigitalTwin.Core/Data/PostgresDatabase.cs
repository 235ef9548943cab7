using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Npgsql;

namespace DigitalTwin.Core.Data;

/// <summary>History on PostgreSQL: one pooled data source shared by EF Core, the writer and the queries.</summary>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource) : IHistoryDatabase, IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public Task<IHistoryStatements> OpenStatementsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IHistoryStatements>(new PostgresHistoryStatements(DataSource));

    public Task<IReadOnlyList<HistoryBucket>> BucketsAsync(string deviceId, string metric, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken) =>
        PostgresHistoryQueries.BucketsAsync(DataSource, deviceId, metric, fromMs, toMs, intervalMs, cancellationToken);

    public Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(string deviceId, CancellationToken cancellationToken) =>
        PostgresHistoryQueries.LatestAsync(DataSource, deviceId, cancellationToken);

    public Task<IReadOnlyList<string>> DeviceIdsAsync(CancellationToken cancellationToken) =>
        PostgresHistoryQueries.DeviceIdsAsync(DataSource, cancellationToken);

    public IAsyncEnumerable<RawSample> ReadRawAsync(string deviceId, long fromMs, long toMs, CancellationToken cancellationToken) =>
        PostgresHistoryMaintenance.ReadRawAsync(DataSource, deviceId, fromMs, toMs, cancellationToken);

    public Task<IReadOnlyList<int>> SeriesIdsAsync(CancellationToken cancellationToken) =>
        PostgresHistoryMaintenance.SeriesIdsAsync(DataSource, cancellationToken);

    public Task<int> DeleteOlderThanAsync(int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken) =>
        PostgresHistoryMaintenance.DeleteOlderThanAsync(DataSource, seriesId, cutoffMs, maxRows, cancellationToken);

    public Task DeleteMinutesOlderThanAsync(int seriesId, long cutoffMs, CancellationToken cancellationToken) =>
        PostgresHistoryMaintenance.DeleteMinutesOlderThanAsync(DataSource, seriesId, cutoffMs, cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
