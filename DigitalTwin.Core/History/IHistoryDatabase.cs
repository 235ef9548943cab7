using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.History;

/// <summary>
/// The provider-specific side of history (SQLite or PostgreSQL): the writer's statements and the read queries.
/// The providers differ in upsert syntax, bulk loading and how a bucket's last value is found; the rest is shared.
/// </summary>
public interface IHistoryDatabase
{
    /// <summary>Prepares the writer's statements on a connection of their own; disposing them closes it.</summary>
    Task<IHistoryStatements> OpenStatementsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every aggregate of each non-empty bucket of <paramref name="intervalMs"/> (aligned to the Unix epoch) of one
    /// series in [from, to), labelled with the bucket's start, in time order; empty for an unknown series.
    /// </summary>
    Task<IReadOnlyList<HistoryBucket>> BucketsAsync(string deviceId, string metric, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken);

    /// <summary>The newest stored value of each metric of a device, by device timestamp.</summary>
    Task<IReadOnlyDictionary<string, TwinMetric>> LatestAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Every device that has history, in ordinal order.</summary>
    Task<IReadOnlyList<string>> DeviceIdsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored sample of a device in [from, to), by timestamp then metric, streamed.</summary>
    IAsyncEnumerable<RawSample> ReadRawAsync(string deviceId, long fromMs, long toMs, CancellationToken cancellationToken);

    /// <summary>Ids of every series, for the retention sweep.</summary>
    Task<IReadOnlyList<int>> SeriesIdsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="maxRows"/> of the oldest samples of a series before the cutoff, in one short transaction.</summary>
    Task<int> DeleteOlderThanAsync(int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken);

    /// <summary>Deletes a series' minute rollups before the cutoff and computes the minute holding it again from what is left.</summary>
    Task DeleteMinutesOlderThanAsync(int seriesId, long cutoffMs, CancellationToken cancellationToken);
}

/// <summary>The history writer's statements: one group of batches per transaction, and a cache of series ids.</summary>
public interface IHistoryStatements : IAsyncDisposable
{
    /// <summary>Writes every reading of the group in one transaction; returns the number of samples written.</summary>
    int Commit(IReadOnlyList<IReadOnlyList<TelemetryReading>> group);

    /// <summary>
    /// Reads every series id again on the next commit: after a rolled-back transaction the cached ids may name rows that
    /// were never committed, and after a device delete rows that are gone.
    /// </summary>
    void ForgetSeries();
}
