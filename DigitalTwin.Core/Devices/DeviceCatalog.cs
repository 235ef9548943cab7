using System.Collections.Concurrent;

namespace DigitalTwin.Core.Devices;

/// <summary>
/// Every known device, in memory, with what its twin needs on each status check (its own offline timeout), so
/// listing devices never scans history and a twin never queries the registry.
/// </summary>
public sealed class DeviceCatalog
{
    private readonly ConcurrentDictionary<string, TimeSpan?> _devices = new(StringComparer.Ordinal);

    /// <summary>Raised after a device left the registry, so its live twin is reset and the history writer reads its series ids again.</summary>
    public event Action<string>? Removed;

    /// <summary>Records a device id (auto-registration, or a device seen in history); true when it was not known before.</summary>
    public bool Add(string deviceId) => _devices.TryAdd(deviceId, null);

    /// <summary>Records or updates a registered device.</summary>
    public void Set(Device device) => _devices[device.Id] = device.OfflineAfter;

    public bool Remove(string deviceId)
    {
        if (!_devices.TryRemove(deviceId, out _))
        {
            return false;
        }
        Removed?.Invoke(deviceId);
        return true;
    }

    public bool Contains(string deviceId) => _devices.ContainsKey(deviceId);

    /// <summary>The device's own inactivity timeout; null when it has none (or is unknown) and the default applies.</summary>
    public TimeSpan? OfflineAfter(string deviceId) => _devices.TryGetValue(deviceId, out var offlineAfter) ? offlineAfter : null;

    public IReadOnlyList<string> Ids => [.. _devices.Keys.Order(StringComparer.Ordinal)];

    public int Count => _devices.Count;
}
