using System.Diagnostics.Metrics;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Counts what ingest accepted, refused (per reason), and what reached the twins and the history.
/// Exposed as a .NET Meter so the /metrics endpoint exports the same figures as the diagnostics page.
/// </summary>
public sealed class IngestCounters : IDisposable
{
    public const string MeterName = "DigitalTwin.Telemetry";
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _rejected = new long[Reasons.Length];
    private long _messagesAccepted;
    private long _readingsAccepted;
    private long _readingsApplied;
    private long _readingsCommitted;
    private long _samplesCommitted;
    private long _historyCommitFailures;
    private long _readingsDropped;
    private long _readingsDiscarded;

    public IngestCounters()
    {
        _meter.CreateObservableCounter("digitaltwin.telemetry.messages.accepted", () => Volatile.Read(ref _messagesAccepted), "{message}", "Telemetry messages accepted by ingest");
        _meter.CreateObservableCounter("digitaltwin.telemetry.readings.accepted", () => Volatile.Read(ref _readingsAccepted), "{reading}", "Readings queued for processing");
        _meter.CreateObservableCounter("digitaltwin.telemetry.readings.applied", () => Volatile.Read(ref _readingsApplied), "{reading}", "Readings applied to device twins");
        _meter.CreateObservableCounter("digitaltwin.telemetry.readings.committed", () => Volatile.Read(ref _readingsCommitted), "{reading}", "Readings committed to history");
        _meter.CreateObservableCounter("digitaltwin.telemetry.samples.committed", () => Volatile.Read(ref _samplesCommitted), "{sample}", "Metric samples committed to history");
        _meter.CreateObservableCounter("digitaltwin.history.commits.failed", () => Volatile.Read(ref _historyCommitFailures), "{commit}",
            "History commits that failed and were retried, or split to leave out the readings the database refused");
        _meter.CreateObservableCounter("digitaltwin.telemetry.readings.dropped", () => Volatile.Read(ref _readingsDropped), "{reading}",
            "Readings the history database refused, each logged; the rest of their batch was committed");
        _meter.CreateObservableCounter("digitaltwin.telemetry.readings.discarded", () => Volatile.Read(ref _readingsDiscarded), "{reading}",
            "Readings of devices deleted while the readings waited in the queue");
        _meter.CreateObservableCounter("digitaltwin.telemetry.messages.rejected", ObserveRejects, "{message}", "Telemetry messages refused, by reason");
    }

    /// <summary>The meter, for gauges that belong to other parts (queue depth).</summary>
    public Meter Meter => _meter;

    public void MessageAccepted(int readings)
    {
        Interlocked.Increment(ref _messagesAccepted);
        Interlocked.Add(ref _readingsAccepted, readings);
    }

    public void Rejected(RejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public void ReadingsApplied(int count) => Interlocked.Add(ref _readingsApplied, count);

    public void HistoryCommitted(int readings, int samples)
    {
        Interlocked.Add(ref _readingsCommitted, readings);
        Interlocked.Add(ref _samplesCommitted, samples);
    }

    public void HistoryCommitFailed() => Interlocked.Increment(ref _historyCommitFailures);

    public void HistoryDropped(int readings) => Interlocked.Add(ref _readingsDropped, readings);

    public void ReadingsDiscarded(int readings) => Interlocked.Add(ref _readingsDiscarded, readings);

    public long ReadingsOfRemovedDevices => Volatile.Read(ref _readingsDiscarded);

    public long ReadingsCommitted => Volatile.Read(ref _readingsCommitted);

    public long HistoryCommitFailures => Volatile.Read(ref _historyCommitFailures);

    public long ReadingsDropped => Volatile.Read(ref _readingsDropped);

    public long ReadingsApplied() => Volatile.Read(ref _readingsApplied);

    public IngestCountersSnapshot Snapshot() => new(
        Volatile.Read(ref _messagesAccepted),
        Volatile.Read(ref _readingsAccepted),
        Volatile.Read(ref _readingsApplied),
        Volatile.Read(ref _readingsCommitted),
        Volatile.Read(ref _samplesCommitted),
        Volatile.Read(ref _historyCommitFailures),
        Volatile.Read(ref _readingsDropped),
        Reasons.ToDictionary(r => r, r => Volatile.Read(ref _rejected[(int)r])));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveRejects() =>
        Reasons.Select(r => new Measurement<long>(Volatile.Read(ref _rejected[(int)r]), new KeyValuePair<string, object?>("reason", r.ToString())));
}

public sealed record IngestCountersSnapshot(
    long MessagesAccepted,
    long ReadingsAccepted,
    long ReadingsApplied,
    long ReadingsCommitted,
    long SamplesCommitted,
    long HistoryCommitFailures,
    long ReadingsDropped,
    IReadOnlyDictionary<RejectReason, long> Rejected)
{
    public long TotalRejected => Rejected.Values.Sum();
}
