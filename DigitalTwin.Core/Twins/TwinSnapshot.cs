using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins;

/// <summary>What the twin knows about its device at one moment; immutable, safe to share with the UI.</summary>
/// <param name="Version">Increases with every change, so observers can drop stale snapshots.</param>
/// <param name="Reason">Why <paramref name="Status"/> last changed, and <paramref name="StatusSince"/> when.</param>
/// <param name="OfflineAfter">The inactivity timeout in force for this device.</param>
[GenerateSerializer, Immutable]
public sealed record TwinSnapshot(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] DeviceStatus Status,
    [property: Id(2)] DateTimeOffset? LastSeen,
    [property: Id(3)] IReadOnlyDictionary<string, TwinMetric> Metrics,
    [property: Id(4)] long Version,
    [property: Id(5)] StatusReason Reason = StatusReason.None,
    [property: Id(6)] DateTimeOffset? StatusSince = null,
    [property: Id(7)] TimeSpan OfflineAfter = default)
{
    public static TwinSnapshot Empty(string deviceId) =>
        new(deviceId, DeviceStatus.Unknown, null, new Dictionary<string, TwinMetric>(), 0);

    public DeviceStatusEntry StatusEntry => new(Status, Reason, StatusSince, LastSeen, OfflineAfter, Version);

    public double? this[string metric] => Metrics.TryGetValue(metric, out var m) ? m.Value : null;
}
