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
/// Writes alert transitions and delivery attempts off the evaluation path, in the order they were queued: the engine
/// queues under its lock, so the database sees its transitions and people's actions in the order the engine made them.
/// Drained in small batches, one transaction each; a failed batch is retried. When more than
/// Alerts:WriteQueueCapacity wait, callers wait for room (back-pressure; nothing is dropped).
/// </summary>
public sealed partial class AlertWriter : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly Alert Placeholder = new() { RuleName = "", DeviceId = "" };
    private readonly Channel<AlertWrite> _channel = Channel.CreateUnbounded<AlertWrite>(); // not SingleReader: that one cannot count
    private readonly Lock _enqueueLock = new();
    private readonly int _capacity;
    private readonly IDbContextFactory<DigitalTwinDbContext> _dbFactory;
    private readonly AlertCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertWriter> _logger;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queued;
    private long _written;

    public AlertWriter(
        IDbContextFactory<DigitalTwinDbContext> dbFactory, AlertCounters counters, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertWriter> logger)
    {
        _dbFactory = dbFactory;
        _counters = counters;
        _time = time;
        _logger = logger;
        _capacity = options.Value.WriteQueueCapacity;
        counters.Meter.CreateObservableGauge("digitaltwin.alerts.writes.depth", () => _channel.Reader.Count, "{write}", "Alert changes waiting for the database");
    }

    public int Depth => _channel.Reader.Count;

    /// <summary>True when everything queued so far is committed (tests and shutdown wait for it).</summary>
    public bool IsIdle => Interlocked.Read(ref _written) == Interlocked.Read(ref _queued);

    /// <summary>How many writes are committed: the write at queue position p is in the database once this reaches p.</summary>
    public long CommittedCount => Interlocked.Read(ref _written);

    /// <summary>Queues a write, then waits while the queue is over capacity.</summary>
    public async ValueTask EnqueueAsync(AlertWrite write, CancellationToken cancellationToken = default)
    {
        Enqueue(write);
        await WaitForRoomAsync(cancellationToken);
    }

    /// <summary>Queues a write without waiting (never refused); returns its position, 1 for the first write ever queued.</summary>
    public long Enqueue(AlertWrite write)
    {
        _counters.WriteQueued();
        lock (_enqueueLock)
        {
            // Under one lock, so positions are the queue's order and CommittedCount can be compared with them.
            var position = Interlocked.Increment(ref _queued);
            _channel.Writer.TryWrite(write);
            return position;
        }
    }

    /// <summary>Back-pressure: completes once fewer than Alerts:WriteQueueCapacity writes wait.</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // Read the signal before the count: a drain between the two still completes the signal read.
            var drained = Volatile.Read(ref _drained);
            if (_channel.Reader.Count < _capacity)
            {
                return;
            }
            await drained.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The alert as committed (null when it is not stored): what people act on once the engine no longer holds it.</summary>
    public async Task<Alert?> StoredAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
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
        Interlocked.Exchange(ref _drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
