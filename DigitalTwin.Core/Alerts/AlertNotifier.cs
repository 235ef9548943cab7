using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Sends notifications over every configured channel. The engine only offers them to a bounded queue (evaluation never
/// waits: a full queue drops the notification, counts it and writes a Dropped row per target to the delivery log, so
/// the alert's page shows what was not sent); each target is delivered on its own, retried with exponential back-off
/// and jitter, and every attempt is written to the delivery log.
/// </summary>
public sealed partial class AlertNotifier : BackgroundService
{
    private readonly Channel<AlertNotification> _queue;
    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly AlertWriter _writer;
    private readonly AlertCounters _counters;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertNotifier> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly HashSet<Task> _inFlight = [];

    public AlertNotifier(
        IEnumerable<IAlertChannel> channels, AlertWriter writer, AlertCounters counters, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertNotifier> logger)
    {
        _channels = [.. channels];
        _writer = writer;
        _counters = counters;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentDeliveries);
        _queue = Channel.CreateBounded<AlertNotification>(new BoundedChannelOptions(_options.NotificationQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        counters.Meter.CreateObservableGauge("digitaltwin.alerts.notifications.depth", () => _queue.Reader.Count, "{notification}", "Notifications waiting to be sent");
    }

    /// <summary>Offers a notification without waiting; false (and counted) when the queue is full.</summary>
    public bool TryEnqueue(AlertNotification notification)
    {
        if (_queue.Writer.TryWrite(notification))
        {
            _counters.NotificationQueued();
            return true;
        }
        _counters.NotificationDropped();
        LogDropped(notification.Alert.Id);
        var dropped = new DeliveryOutcome(false, Error: $"Not sent: the notification queue was full ({_options.NotificationQueueCapacity} waiting)");
        foreach (var channel in _channels)
        {
            foreach (var target in channel.Targets)
            {
                // The alert writer waits when full and never drops; the engine does not wait for it.
                _ = LogAttemptAsync(channel, target, notification, 1, DeliveryStatus.Dropped, dropped);
            }
        }
        return false;
    }

    /// <summary>What waits to be sent (for tests that run the engine without the notifier).</summary>
    internal ChannelReader<AlertNotification> Queue => _queue.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var channel in _channels)
                {
                    foreach (var target in channel.Targets)
                    {
                        await _slots.WaitAsync(stoppingToken);
                        Track(DeliverAsync(channel, target, notification, stoppingToken));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: attempts in flight end at their next wait.
        }
        Task[] inFlight;
        lock (_inFlight)
        {
            inFlight = [.. _inFlight];
        }
        await Task.WhenAll(inFlight);
    }

    private void Track(Task delivery)
    {
        lock (_inFlight)
        {
            _inFlight.Add(delivery);
        }
        delivery.ContinueWith(
            t =>
            {
                lock (_inFlight)
                {
                    _inFlight.Remove(t);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(IAlertChannel channel, string target, AlertNotification notification, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            if (notification.Silenced)
            {
                await LogAttemptAsync(channel, target, notification, 1, DeliveryStatus.Silenced, new DeliveryOutcome(false, Error: "Silenced"));
                return;
            }
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
                var outcome = await SendAsync(channel, target, notification, stoppingToken);
                var last = attempt == _options.MaxAttempts || !outcome.Retryable;
                var status = outcome.Succeeded ? DeliveryStatus.Succeeded : last ? DeliveryStatus.GaveUp : DeliveryStatus.Failed;
                await LogAttemptAsync(channel, target, notification, attempt, status, outcome);
                if (status != DeliveryStatus.Failed)
                {
                    return;
                }
                await Task.Delay(DeliveryBackoff.Delay(attempt, outcome.RetryAfter, _options), _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while waiting to retry.
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<DeliveryOutcome> SendAsync(IAlertChannel channel, string target, AlertNotification notification, CancellationToken stoppingToken)
    {
        try
        {
            return await channel.SendAsync(notification, target, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task LogAttemptAsync(
        IAlertChannel channel, string target, AlertNotification notification, int attempt, DeliveryStatus status, DeliveryOutcome outcome)
    {
        _counters.Delivery(status);
        if (status is DeliveryStatus.Failed or DeliveryStatus.GaveUp)
        {
            LogAttemptFailed(channel.Channel, target, notification.Alert.Id, attempt, outcome.Error ?? $"HTTP {outcome.HttpStatus}");
        }
        await _writer.EnqueueAsync(new AlertWrite(Delivery: new NotificationDelivery
        {
            AlertId = notification.Alert.Id,
            Transition = notification.Transition,
            Channel = channel.Channel,
            Target = target.Length > 2000 ? target[..2000] : target,
            Attempt = attempt,
            Status = status,
            HttpStatus = outcome.HttpStatus,
            Error = outcome.Error is { Length: > 2000 } error ? error[..2000] : outcome.Error,
            At = _time.GetUtcNow(),
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification queue full: alert {AlertId}'s notification dropped")]
    private partial void LogDropped(long alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery to {Target} for alert {AlertId} failed (attempt {Attempt}): {Error}")]
    private partial void LogAttemptFailed(NotificationChannel channel, string target, long alertId, int attempt, string error);
}

/// <summary>Exponential back-off with up to 20 % jitter, capped; a server's Retry-After wins (also capped).</summary>
public static class DeliveryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, AlertOptions options)
    {
        if (retryAfter is { } wish && wish > TimeSpan.Zero)
        {
            return wish < options.RetryMaxDelay ? wish : options.RetryMaxDelay;
        }
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.2));
        return jittered < options.RetryMaxDelay ? jittered : options.RetryMaxDelay;
    }
}
