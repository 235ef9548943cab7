using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Core.Data;

/// <summary>Opens tuned connections for the paths that bypass EF Core (history writes and aggregation queries).</summary>
public sealed class SqliteDatabase(string connectionString) : IHistoryDatabase
{
    public string ConnectionString { get; } = connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers (charts, API) run while the writer commits; NORMAL sync is durable across app crashes.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>The writer connection's page cache: 64 MB holds the hot leaf pages of ~16,000 series.</summary>
    private const int WriterCacheKiB = 64 * 1024;

    public async Task<IHistoryStatements> OpenStatementsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await UseLargePageCacheAsync(connection, cancellationToken);
        return new HistoryStatements(connection);
    }

    /// <summary>
    /// Every series appends at its own place in the (SeriesId, Timestamp) key, so a transaction touches one
    /// leaf page per series: thousands of devices outgrow SQLite's default 2 MB cache, and each insert then
    /// re-reads and spills pages. The cache grows only as pages are used.
    /// </summary>
    private static async Task UseLargePageCacheAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA cache_size=-{WriterCacheKiB};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<HistoryPoint>> AggregateAsync(HistoryQuery query, long intervalMs, CancellationToken cancellationToken) =>
        SqliteHistoryQueries.AggregateAsync(this, query, intervalMs, cancellationToken);

    public Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(string deviceId, CancellationToken cancellationToken) =>
        SqliteHistoryQueries.LatestAsync(this, deviceId, cancellationToken);

    public Task<IReadOnlyList<string>> DeviceIdsAsync(CancellationToken cancellationToken) =>
        SqliteHistoryQueries.DeviceIdsAsync(this, cancellationToken);

    public IAsyncEnumerable<RawSample> ReadRawAsync(string deviceId, long fromMs, long toMs, CancellationToken cancellationToken) =>
        SqliteHistoryMaintenance.ReadRawAsync(this, deviceId, fromMs, toMs, cancellationToken);

    public Task<IReadOnlyList<int>> SeriesIdsAsync(CancellationToken cancellationToken) =>
        SqliteHistoryMaintenance.SeriesIdsAsync(this, cancellationToken);

    public Task<int> DeleteOlderThanAsync(int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken) =>
        SqliteHistoryMaintenance.DeleteOlderThanAsync(this, seriesId, cutoffMs, maxRows, cancellationToken);
}
