using System.Diagnostics.Metrics;

namespace DigitalTwin.Core.Alerts;

/// <summary>What the alert engine did and what its queues hold, as a .NET Meter exported on /metrics.</summary>
public sealed class AlertCounters : IDisposable
{
    public const string MeterName = "DigitalTwin.Alerts";
    private static readonly AlertTransition[] TransitionKinds = Enum.GetValues<AlertTransition>();
    private static readonly DeliveryStatus[] Statuses = Enum.GetValues<DeliveryStatus>();

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _transitions = new long[TransitionKinds.Length];
    private readonly long[] _deliveries = new long[Statuses.Length];
    private long _readingsEvaluated;
    private long _writesQueued;
    private long _writesCommitted;
    private long _writeFailures;
    private long _notificationsQueued;
    private long _notificationsDropped;

    public AlertCounters()
    {
        _meter.CreateObservableCounter("digitaltwin.alerts.readings.evaluated", () => Volatile.Read(ref _readingsEvaluated), "{reading}", "Readings of devices that at least one rule watches");
        _meter.CreateObservableCounter("digitaltwin.alerts.transitions", () => Observe(TransitionKinds, _transitions, "transition"), "{transition}", "Alert transitions, by kind");
        _meter.CreateObservableCounter("digitaltwin.alerts.writes.queued", () => Volatile.Read(ref _writesQueued), "{write}", "Alert changes queued for the database");
        _meter.CreateObservableCounter("digitaltwin.alerts.writes.committed", () => Volatile.Read(ref _writesCommitted), "{write}", "Alert changes committed");
        _meter.CreateObservableCounter("digitaltwin.alerts.writes.failures", () => Volatile.Read(ref _writeFailures), "{batch}", "Failed alert write batches (retried)");
        _meter.CreateObservableCounter("digitaltwin.alerts.notifications.queued", () => Volatile.Read(ref _notificationsQueued), "{notification}", "Notifications queued for sending");
        _meter.CreateObservableCounter("digitaltwin.alerts.notifications.dropped", () => Volatile.Read(ref _notificationsDropped), "{notification}", "Notifications dropped because the queue was full");
        _meter.CreateObservableCounter("digitaltwin.alerts.deliveries", () => Observe(Statuses, _deliveries, "status"), "{attempt}", "Delivery attempts, by outcome");
    }

    public Meter Meter => _meter;

    public void ReadingsEvaluated(int count) => Interlocked.Add(ref _readingsEvaluated, count);

    public void Transition(AlertTransition transition) => Interlocked.Increment(ref _transitions[(int)transition]);

    public long TransitionCount(AlertTransition transition) => Volatile.Read(ref _transitions[(int)transition]);

    public void WriteQueued() => Interlocked.Increment(ref _writesQueued);

    public void WritesCommitted(int count) => Interlocked.Add(ref _writesCommitted, count);

    public void WriteFailed() => Interlocked.Increment(ref _writeFailures);

    public void NotificationQueued() => Interlocked.Increment(ref _notificationsQueued);

    public void NotificationDropped() => Interlocked.Increment(ref _notificationsDropped);

    public void Delivery(DeliveryStatus status) => Interlocked.Increment(ref _deliveries[(int)status]);

    public long Deliveries(DeliveryStatus status) => Volatile.Read(ref _deliveries[(int)status]);

    public long NotificationsDropped => Volatile.Read(ref _notificationsDropped);

    public long WritesCommittedCount => Volatile.Read(ref _writesCommitted);

    public long WriteFailures => Volatile.Read(ref _writeFailures);

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Observe<T>(T[] keys, long[] values, string tag)
        where T : struct, Enum =>
        keys.Select((k, i) => new Measurement<long>(Volatile.Read(ref values[i]), new KeyValuePair<string, object?>(tag, k.ToString())));
}
