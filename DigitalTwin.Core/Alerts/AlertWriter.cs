using System.Threading.Channels;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// One change for the database: an alert's state (or its deletion), a history entry, a delivery attempt, and for a
/// person's action its audit row (committed in the same transaction; <see cref="Committed"/> says how that went).
/// </summary>
public sealed record AlertWrite(Alert? Alert = null, AlertHistoryEntry? History = null, NotificationDelivery? Delivery = null, long? DeleteAlertId = null, AuditEntry? Audit = null)
{
    /// <summary>For audited writes: completes when the batch holding it commits, or fails with the first error (the batch is still retried).</summary>
    public TaskCompletionSource? Committed { get; } = Audit is null ? null : new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Writes alert transitions and delivery attempts off the evaluation path: a bounded queue (when it is full the
/// engine waits, so nothing is dropped) drained in small batches, one transaction each; a failed batch is retried.
/// </summary>
public sealed partial class AlertWriter : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly Alert Placeholder = new() { RuleName = "", DeviceId = "" };
    private readonly Channel<AlertWrite> _channel;
    private readonly IDbContextFactory<DigitalTwinDbContext> _dbFactory;
    private readonly AlertCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertWriter> _logger;
    private long _queued;
    private long _written;

    public AlertWriter(
        IDbContextFactory<DigitalTwinDbContext> dbFactory, AlertCounters counters, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertWriter> logger)
    {
        _dbFactory = dbFactory;
        _counters = counters;
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<AlertWrite>(new BoundedChannelOptions(options.Value.WriteQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        counters.Meter.CreateObservableGauge("digitaltwin.alerts.writes.depth", () => _channel.Reader.Count, "{write}", "Alert changes waiting for the database");
    }

    public int Depth => _channel.Reader.Count;

    /// <summary>True when everything queued so far is committed (tests and shutdown wait for it).</summary>
    public bool IsIdle => Interlocked.Read(ref _written) == Interlocked.Read(ref _queued);

    public ValueTask EnqueueAsync(AlertWrite write, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queued);
        _counters.WriteQueued();
        return _channel.Writer.TryWrite(write) ? ValueTask.CompletedTask : _channel.Writer.WriteAsync(write, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteWithRetryAsync(Drain(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is still written below.
        }
        while (_channel.Reader.Count > 0)
        {
            await WriteWithRetryAsync(Drain(), CancellationToken.None);
        }
    }

    private List<AlertWrite> Drain()
    {
        var batch = new List<AlertWrite>();
        while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var write))
        {
            batch.Add(write);
        }
        return batch;
    }

    private async Task WriteWithRetryAsync(List<AlertWrite> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch);
                Interlocked.Add(ref _written, batch.Count);
                _counters.WritesCommitted(batch.Count);
                foreach (var write in batch)
                {
                    write.Committed?.TrySetResult();
                }
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _counters.WriteFailed();
                LogWriteFailed(ex, batch.Count, attempt);
                foreach (var write in batch)
                {
                    // The person waiting hears of the failure now; the write (with its audit row) is still retried.
                    write.Committed?.TrySetException(ex);
                }
                if (stoppingToken.IsCancellationRequested && attempt >= 3)
                {
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * Math.Pow(2, Math.Min(attempt, 8)))), _time, CancellationToken.None);
            }
        }
    }

    /// <remarks>
    /// An alert's last state in the batch wins; history and deliveries of an alert deleted in the same batch (a
    /// pending alert that resolved) are skipped.
    /// </remarks>
    private async Task WriteAsync(List<AlertWrite> batch)
    {
        var states = new Dictionary<long, Alert?>();
        foreach (var write in batch)
        {
            if (write.Alert is { } alert)
            {
                states[alert.Id] = alert;
            }
            if (write.DeleteAlertId is { } id)
            {
                states[id] = null;
            }
        }
        await using var db = await _dbFactory.CreateDbContextAsync();
        var ids = states.Keys.ToList();
        var existing = (await db.Alerts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync()).ToHashSet();
        foreach (var (id, state) in states)
        {
            if (state is null)
            {
                if (existing.Contains(id))
                {
                    db.Alerts.Remove(new Alert { Id = id, RuleName = "", DeviceId = "" });
                }
            }
            else if (existing.Contains(id))
            {
                db.Alerts.Update(state.Copy());
            }
            else
            {
                db.Alerts.Add(state.Copy());
            }
        }
        foreach (var write in batch)
        {
            if (write.History is { } history && states.GetValueOrDefault(history.AlertId, Placeholder) is not null)
            {
                history.Id = 0; // a retried batch must not keep an id from the attempt that failed
                db.AlertHistory.Add(history);
            }
            if (write.Delivery is { } delivery)
            {
                delivery.Id = 0;
                db.AlertDeliveries.Add(delivery);
            }
            if (write.Audit is { } audit)
            {
                audit.Id = 0;
                db.AuditLog.Add(audit);
            }
        }
        await db.SaveChangesAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} alert changes failed (attempt {Attempt}); retrying")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt);
}
