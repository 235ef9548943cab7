using System.Diagnostics.Metrics;

namespace DigitalTwin.Web.Cluster;

/// <summary>What crossed between instances, and what did not fit, as a .NET Meter for /metrics (cluster mode only).</summary>
public sealed class ClusterCounters : IDisposable
{
    public const string MeterName = "DigitalTwin.Cluster";
    private static readonly string[] Outboxes = ["alert", "document", "command"];

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _dropped = new long[Outboxes.Length];
    private long _twinsForwarded;
    private long _twinsCoalesced;
    private long _devicesResynced;
    private long _standIns;

    public ClusterCounters()
    {
        _meter.CreateObservableCounter("digitaltwin.cluster.twin_changes.forwarded", () => TwinsForwarded, "{snapshot}",
            "Twin snapshots sent to other instances (one per instance)");
        _meter.CreateObservableCounter("digitaltwin.cluster.twin_changes.coalesced", () => Volatile.Read(ref _twinsCoalesced), "{snapshot}",
            "Twin snapshots replaced by a newer one of the same device before they were sent");
        _meter.CreateObservableCounter("digitaltwin.cluster.changes.dropped", () => Outboxes.Select((name, i) =>
            new Measurement<long>(Volatile.Read(ref _dropped[i]), new KeyValuePair<string, object?>("outbox", name))), "{change}",
            "Changes not sent to the other instances because their outbox was full, by outbox");
        _meter.CreateObservableCounter("digitaltwin.cluster.devices.resynced", () => Volatile.Read(ref _devicesResynced), "{device}",
            "Devices this instance's directory took from the table because an announcement was missed");
        _meter.CreateObservableCounter("digitaltwin.cluster.stand_ins", () => StandIns, "{session}",
            "Broker sessions of dead instances this instance stood in for");
    }

    public long TwinsForwarded => Volatile.Read(ref _twinsForwarded);

    public long StandIns => Volatile.Read(ref _standIns);

    public void Forwarded(int snapshots) => Interlocked.Add(ref _twinsForwarded, snapshots);

    public void Coalesced() => Interlocked.Increment(ref _twinsCoalesced);

    /// <param name="outbox">alert, document or command.</param>
    public void Dropped(string outbox) => Interlocked.Increment(ref _dropped[Array.IndexOf(Outboxes, outbox)]);

    public void Resynced(int devices) => Interlocked.Add(ref _devicesResynced, devices);

    public void StoodIn() => Interlocked.Increment(ref _standIns);

    public void Dispose() => _meter.Dispose();
}
