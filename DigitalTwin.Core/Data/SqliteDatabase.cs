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
        // Foreign keys stated, not left to how the SQLite library was built: a row pointing at a deleted series must
        // fail its write (see HistoryWriter), and deleting a device or series must cascade to its history.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Only for the benchmark's baseline: the writer as it was before it checked foreign keys.</summary>
    internal bool WriterAsBefore { get; init; }

    /// <summary>The writer connection's page cache: 64 MB holds the hot leaf pages of ~16,000 series.</summary>
    private const int WriterCacheKiB = 64 * 1024;

    public async Task<IHistoryStatements> OpenStatementsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await UseLargePageCacheAsync(connection, cancellationToken);
        await CheckForeignKeysAsync(connection, !WriterAsBefore, cancellationToken);
        await CheckpointLessOftenAsync(connection, cancellationToken);
        return new HistoryStatements(connection, WriterAsBefore);
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
    /// The writer caches series ids; a device delete takes its series with it. With foreign keys checked, a sample
    /// written under the id of a deleted series fails its commit (the writer then reads every id again and retries)
    /// instead of being stored where no query finds it, as it was while the writer skipped the check for speed.
    /// The check costs one look-up of the series per sample (see the README's Benchmark section). Refuses to start
    /// on an SQLite built without foreign keys, where the pragma is silently ignored.
    /// </summary>
    private static async Task CheckForeignKeysAsync(SqliteConnection connection, bool check, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA foreign_keys={(check ? "ON" : "OFF")}; PRAGMA foreign_keys;";
        var enforced = Convert.ToInt64(await pragma.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        if (check && !enforced)
        {
            throw new InvalidOperationException("This SQLite library does not enforce foreign keys; history could be written to deleted series.");
        }
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
