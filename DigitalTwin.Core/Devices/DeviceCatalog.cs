using System.Collections.Concurrent;

namespace DigitalTwin.Core.Devices;

/// <summary>The ids of every known device, in memory, so listing devices never scans history.</summary>
public sealed class DeviceCatalog
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>Records a device id; true when it was not known before.</summary>
    public bool Add(string deviceId) => _ids.TryAdd(deviceId, 0);

    public bool Remove(string deviceId) => _ids.TryRemove(deviceId, out _);

    public bool Contains(string deviceId) => _ids.ContainsKey(deviceId);

    public IReadOnlyList<string> Ids => [.. _ids.Keys.Order(StringComparer.Ordinal)];

    public int Count => _ids.Count;
}
