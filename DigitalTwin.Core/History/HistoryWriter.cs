using System.Data.Common;
using System.Threading.Channels;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DigitalTwin.Core.History;

/// <summary>
/// Commits readings to history in large transactions through one prepared statement (EF Core is ~5x slower here).
/// Batches queue in a small bounded channel, so a slow disk slows ingest instead of growing memory. A commit that
/// fails for a passing reason (busy, disk, a lost connection) is retried until it succeeds, never dropped; one the
/// database refuses (a constraint) is retried once with every series id read again, then split until only the
/// readings it refuses are left out, each logged and counted.
/// </summary>
public sealed partial class HistoryWriter : BackgroundService
{
    private readonly Channel<TelemetryBatch> _batches =
        Channel.CreateBounded<TelemetryBatch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly IHistoryDatabase _database;
    private readonly IngestCounters _counters;
    private readonly CommitTracker _commits;
    private readonly IDisposable _deletions;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryWriter> _logger;
    private int _devicesRemoved;
    private int _devicesForgotten;

    public HistoryWriter(IHistoryDatabase database, IngestCounters counters, CommitTracker commits, DeviceDirectory devices, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        (_database, _counters, _commits, _time, _logger) = (database, counters, commits, time, logger);
        _deletions = devices.Subscribe(OnDeviceChanged);
    }

    public ValueTask EnqueueAsync(TelemetryBatch batch, CancellationToken cancellationToken) =>
        _batches.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>No more batches will come; the writer commits what it has and stops.</summary>
    public void Complete() => _batches.Writer.TryComplete();

    public override void Dispose()
    {
        _deletions.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var statements = await _database.OpenStatementsAsync(stoppingToken);
        // Not the stopping token: on shutdown the writer drains until the processor completes the channel.
        while (await _batches.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var group = new List<TelemetryBatch>();
            while (group.Count < 8 && _batches.Reader.TryRead(out var batch))
            {
                group.Add(batch);
            }
            if (group.Any(b => b.Readings.Count > 0))
            {
                await CommitAsync(statements, [.. group.Select(b => b.Readings)], splitting: false);
            }
            _commits.Committed(group[^1].LastPosition);
        }
    }

    /// <summary>
    /// A deleted device takes its series with it, so the ids the writer cached for them name nothing any more (ids are
    /// never reused). Told on the deleting thread after the delete committed: it only counts, and the writer's own
    /// loop, which owns the statements, reads every id again before its next commit. A commit already under way then
    /// fails on the foreign key and is retried at once, so nothing is written to a deleted series either way.
    /// </summary>
    private void OnDeviceChanged(DeviceChange change)
    {
        if (change.Kind == DeviceChangeKind.Removed)
        {
            Interlocked.Increment(ref _devicesRemoved);
        }
    }

    private void ForgetDeletedSeries(IHistoryStatements statements)
    {
        var removed = Volatile.Read(ref _devicesRemoved);
        if (removed != _devicesForgotten)
        {
            statements.ForgetSeries();
            _devicesForgotten = removed;
        }
    }

    private async Task CommitAsync(IHistoryStatements statements, IReadOnlyList<IReadOnlyList<TelemetryReading>> group, bool splitting)
    {
        var refused = false;
        for (var attempt = 1; ; attempt++)
        {
            ForgetDeletedSeries(statements);
            using var span = IngestTracing.Source.StartActivity(IngestTracing.CommitSpan);
            span?.SetTag("digitaltwin.readings", group.Sum(b => b.Count));
            span?.SetTag("digitaltwin.attempt", attempt);
            try
            {
                var samples = statements.Commit(group);
                span?.SetTag("digitaltwin.samples", samples);
                _counters.HistoryCommitted(group.Sum(b => b.Count), samples);
                return;
            }
            // DbException: SqliteException and NpgsqlException (which also wraps a lost connection) alike.
            catch (DbException ex)
            {
                span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
                statements.ForgetSeries();
                _counters.HistoryCommitFailed();
                if (!IsRefusal(ex))
                {
                    LogCommitFailed(ex, attempt);
                    var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt, 6))));
                    // Not cancelled by shutdown: the batch must still be written before the app stops.
                    await Task.Delay(delay, _time, CancellationToken.None);
                    continue;
                }
                if (!refused)
                {
                    // Most likely a series deleted under the cached ids: read again, the retry succeeds at once.
                    refused = true;
                    if (!splitting)
                    {
                        LogCommitRefused(ex, group.Sum(b => b.Count));
                    }
                    continue;
                }
                await SplitAsync(statements, group, ex);
                return;
            }
        }
    }

    /// <summary>Commits each half on its own, down to single readings, so that only what the database refuses is left out.</summary>
    private async Task SplitAsync(IHistoryStatements statements, IReadOnlyList<IReadOnlyList<TelemetryReading>> group, DbException refusal)
    {
        var readings = group.SelectMany(b => b).ToList();
        if (readings.Count == 1)
        {
            // Its publisher is acknowledged with the rest of the batch rather than left waiting: the drop is in the log and on /metrics.
            _counters.HistoryDropped(1);
            LogReadingDropped(refusal, readings[0].DeviceId, readings[0].Timestamp);
            return;
        }
        var half = readings.Count / 2;
        await CommitAsync(statements, [readings[..half]], splitting: true);
        await CommitAsync(statements, [readings[half..]], splitting: true);
    }

    /// <summary>The database refused the rows themselves (a constraint), so the same write cannot succeed by waiting.</summary>
    private static bool IsRefusal(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT,
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "History commit failed (attempt {Attempt}); retrying, nothing is dropped")]
    private partial void LogCommitFailed(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "History commit of {Readings} readings refused by the database; retrying with every series id read again, then in parts")]
    private partial void LogCommitRefused(Exception exception, int readings);

    [LoggerMessage(Level = LogLevel.Error, Message = "History refused the reading of device {DeviceId} at {Timestamp:O}; dropped, the rest of its batch is committed")]
    private partial void LogReadingDropped(Exception exception, string deviceId, DateTimeOffset timestamp);
}
