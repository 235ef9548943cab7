using System.Data.Common;
using System.Threading.Channels;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.History;

/// <summary>
/// Commits readings to history in large transactions through one prepared statement (EF Core is ~5x slower here).
/// Batches queue in a small bounded channel, so a slow disk slows ingest instead of growing memory;
/// a failed commit is retried, never dropped.
/// </summary>
public sealed partial class HistoryWriter(IHistoryDatabase database, IngestCounters counters, CommitTracker commits, TimeProvider time, ILogger<HistoryWriter> logger)
    : BackgroundService
{
    private readonly Channel<IReadOnlyList<TelemetryReading>> _batches =
        Channel.CreateBounded<IReadOnlyList<TelemetryReading>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

    public ValueTask EnqueueAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken cancellationToken) =>
        _batches.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>No more batches will come; the writer commits what it has and stops.</summary>
    public void Complete() => _batches.Writer.TryComplete();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var statements = await database.OpenStatementsAsync(stoppingToken);
        // Not the stopping token: on shutdown the writer drains until the processor completes the channel.
        while (await _batches.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var group = new List<IReadOnlyList<TelemetryReading>>();
            while (group.Count < 8 && _batches.Reader.TryRead(out var batch))
            {
                group.Add(batch);
            }
            await CommitWithRetryAsync(statements, group);
        }
    }

    private async Task CommitWithRetryAsync(IHistoryStatements statements, List<IReadOnlyList<TelemetryReading>> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var samples = statements.Commit(group, time.GetUtcNow());
                counters.HistoryCommitted(group.Sum(b => b.Count), samples);
                commits.Committed(counters.ReadingsCommitted);
                return;
            }
            // DbException: SqliteException and NpgsqlException (which also wraps a lost connection) alike.
            catch (DbException ex)
            {
                statements.ForgetSeries();
                LogCommitFailed(ex, attempt);
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt, 6))));
                // Not cancelled by shutdown: the batch must still be written before the app stops.
                await Task.Delay(delay, time, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "History commit failed (attempt {Attempt}); retrying, nothing is dropped")]
    private partial void LogCommitFailed(Exception exception, int attempt);
}
