using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.History;

/// <summary>
/// Deletes expired samples in small batches, series by series, with a pause between batches: each delete
/// is a short transaction, so the history writer (SQLite allows one writer at a time) is never held up long.
/// </summary>
public sealed partial class HistoryRetention(IHistoryDatabase database, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
    : BackgroundService
{
    private static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Retention is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        do
        {
            try
            {
                var deleted = await SweepAsync(time.GetUtcNow() - settings.Retention.Value, stoppingToken);
                if (deleted > 0)
                {
                    LogSwept(deleted, settings.Retention.Value);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every sample before <paramref name="cutoff"/>, and its minute rollups; returns how many samples.</summary>
    public async Task<long> SweepAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        var batchSize = options.Value.DeleteBatchSize;
        long total = 0;
        foreach (var seriesId in await database.SeriesIdsAsync(cancellationToken))
        {
            int deleted;
            do
            {
                deleted = await database.DeleteOlderThanAsync(seriesId, cutoffMs, batchSize, cancellationToken);
                total += deleted;
                if (deleted > 0)
                {
                    await Task.Delay(PauseBetweenBatches, time, cancellationToken);
                }
            }
            while (deleted >= batchSize);
            await database.DeleteMinutesOlderThanAsync(seriesId, cutoffMs, cancellationToken);
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} samples older than {Retention}")]
    private partial void LogSwept(long count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
