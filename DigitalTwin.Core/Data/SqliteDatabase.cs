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
        await SkipForeignKeyChecksAsync(connection, cancellationToken);
        await CheckpointLessOftenAsync(connection, cancellationToken);
        return new HistoryStatements(connection);
    }

    /// <summary>
    /// A commit writes about one page per series (each appends at its own place), 3,000+ pages with 1,000
    /// devices, so at the default 1,000-page threshold every commit also checkpointed: copied those pages into
    /// the database and synced it, on the writer's thread. At 8,192 pages (32 MB) a checkpoint comes every few
    /// commits and copies each re-written tail page once for all of them. The WAL file is cut back to 64 MB
    /// after a checkpoint so it cannot keep a one-off peak.
    /// </summary>
    private static async Task CheckpointLessOftenAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint=8192; PRAGMA journal_size_limit=67108864;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The bundled SQLite enforces foreign keys by default, so each sample insert also looked up its series and,
    /// for INSERT OR REPLACE, ran the full delete-then-insert conflict path instead of overwriting in place.
    /// Safe on this connection only: every series id it writes comes from a Series row it inserted or read
    /// itself, in the same transaction or an earlier committed one, and is forgotten after a rollback
    /// (<see cref="IHistoryStatements.ForgetSeries"/>). Nothing deletes series while the app runs; a future
    /// delete would have to clear the writer's series cache too. The constraint stays in the schema, and every
    /// other connection still enforces it (deleting a series still cascades to its samples there).
    /// </summary>
    private static async Task SkipForeignKeyChecksAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys=OFF;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
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

    public Task<IReadOnlyList<HistoryBucket>> BucketsAsync(string deviceId, string metric, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken) =>
        SqliteHistoryQueries.BucketsAsync(this, deviceId, metric, fromMs, toMs, intervalMs, cancellationToken);

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

    public Task DeleteMinutesOlderThanAsync(int seriesId, long cutoffMs, CancellationToken cancellationToken) =>
        SqliteHistoryMaintenance.DeleteMinutesOlderThanAsync(this, seriesId, cutoffMs, cancellationToken);
}
