using System.Collections.Concurrent;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Every twin's status in one in-memory table, written by the twins, so a page can filter and sort thousands of
/// devices by status without a grain call per device. A device without an entry has not been seen since the start.
/// </summary>
public sealed class DeviceStatusBoard
{
    private readonly ConcurrentDictionary<string, DeviceStatusEntry> _entries = new(StringComparer.Ordinal);

    public DeviceStatusEntry Get(string deviceId) => _entries.GetValueOrDefault(deviceId, DeviceStatusEntry.NeverSeen);

    public bool Has(string deviceId) => _entries.ContainsKey(deviceId);

    public void Set(string deviceId, DeviceStatusEntry entry) => _entries[deviceId] = entry;

    public void Remove(string deviceId) => _entries.TryRemove(deviceId, out _);
}
