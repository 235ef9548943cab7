using System.Collections.Concurrent;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Every twin's status in one in-memory table, so a page can filter and sort thousands of devices by status without a
/// grain call per device. A projection of the <see cref="ITwinChangeFeed"/>: the twins publish, the board listens.
/// Seeded from history at start (<see cref="DeviceStatusSeed"/>), so a device without an entry has never been seen.
/// </summary>
public sealed class DeviceStatusBoard : IDisposable
{
    private readonly ConcurrentDictionary<string, DeviceStatusEntry> _entries = new(StringComparer.Ordinal);
    private readonly IDisposable? _subscription;

    public DeviceStatusBoard(ITwinChangeFeed feed) => _subscription = feed.Subscribe(null, Project);

    /// <summary>A board nobody feeds, filled by hand (the device list's tests and benchmark).</summary>
    public DeviceStatusBoard()
    {
    }

    public DeviceStatusEntry Get(string deviceId) => _entries.GetValueOrDefault(deviceId, DeviceStatusEntry.NeverSeen);

    public bool Has(string deviceId) => _entries.ContainsKey(deviceId);

    public void Set(string deviceId, DeviceStatusEntry entry) => _entries[deviceId] = entry;

    /// <summary>Adds an entry unless the device has one already (its twin's own is newer than any seed).</summary>
    public bool TryAdd(string deviceId, DeviceStatusEntry entry) => _entries.TryAdd(deviceId, entry);

    public void Dispose() => _subscription?.Dispose();

    /// <summary>A reset twin (its device deleted) has never been seen: its entry goes.</summary>
    private void Project(TwinSnapshot twin)
    {
        if (twin.Status == DeviceStatus.Unknown && twin.LastSeen is null)
        {
            _entries.TryRemove(twin.DeviceId, out _);
        }
        else
        {
            _entries[twin.DeviceId] = twin.StatusEntry;
        }
    }
}
