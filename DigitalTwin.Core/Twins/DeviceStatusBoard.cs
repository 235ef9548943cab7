using System.Collections.Concurrent;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Every twin's status in one in-memory table, so a page can filter and sort thousands of devices by status without a
/// grain call per device. A projection of the <see cref="ITwinChangeFeed"/>: the twins publish, the board listens.
/// Seeded from history at start (<see cref="DeviceStatusSeed"/>), so a device without an entry has never been seen.
/// </summary>
/// <remarks>
/// Also keeps, as entries change, how many devices are in each status and the seen devices in id order, so Overview's
/// counts and first pages cost the same for 100 devices as for 100,000. Reads of one entry take no lock.
/// </remarks>
public sealed class DeviceStatusBoard : IDisposable
{
    private readonly ConcurrentDictionary<string, DeviceStatusEntry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _seen = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[Enum.GetValues<DeviceStatus>().Length];
    private readonly Lock _gate = new();
    private readonly IDisposable? _subscription;

    public DeviceStatusBoard(ITwinChangeFeed feed) => _subscription = feed.Subscribe(null, Project);

    /// <summary>A board nobody feeds, filled by hand (the device list's tests and benchmark).</summary>
    public DeviceStatusBoard()
    {
    }

    public DeviceStatusEntry Get(string deviceId) => _entries.GetValueOrDefault(deviceId, DeviceStatusEntry.NeverSeen);

    public bool Has(string deviceId) => _entries.ContainsKey(deviceId);

    /// <summary>Devices with an entry (seen since start, or seeded from history).</summary>
    public int Count => _entries.Count;

    public void Set(string deviceId, DeviceStatusEntry entry)
    {
        lock (_gate)
        {
            var previous = _entries.GetValueOrDefault(deviceId);
            _entries[deviceId] = entry;
            Recount(deviceId, previous, entry);
        }
    }

    /// <summary>Adds an entry unless the device has one already (its twin's own is newer than any seed).</summary>
    public bool TryAdd(string deviceId, DeviceStatusEntry entry)
    {
        lock (_gate)
        {
            if (!_entries.TryAdd(deviceId, entry))
            {
                return false;
            }
            Recount(deviceId, null, entry);
            return true;
        }
    }

    /// <summary>How many devices with an entry are in each status: a copy the caller owns.</summary>
    public Dictionary<DeviceStatus, int> CountByStatus()
    {
        lock (_gate)
        {
            return Enum.GetValues<DeviceStatus>().ToDictionary(s => s, s => _counts[(int)s]);
        }
    }

    /// <summary>Seen devices in ordinal id order, from <paramref name="skip"/> on: a walk of skip + take, not of the fleet.</summary>
    public IReadOnlyList<string> SeenIds(Func<string, bool> include, int skip, int take)
    {
        lock (_gate)
        {
            return [.. _seen.Where(include).Skip(skip).Take(take)];
        }
    }

    public void Dispose() => _subscription?.Dispose();

    /// <summary>A reset twin (its device deleted) has never been seen: its entry goes.</summary>
    private void Project(TwinSnapshot twin)
    {
        if (twin.Status == DeviceStatus.Unknown && twin.LastSeen is null)
        {
            Remove(twin.DeviceId);
        }
        else
        {
            Set(twin.DeviceId, twin.StatusEntry);
        }
    }

    private void Remove(string deviceId)
    {
        lock (_gate)
        {
            if (_entries.TryRemove(deviceId, out var previous))
            {
                Recount(deviceId, previous, null);
            }
        }
    }

    private void Recount(string deviceId, DeviceStatusEntry? previous, DeviceStatusEntry? entry)
    {
        if (previous is not null)
        {
            _counts[(int)previous.Status]--;
        }
        if (entry is not null)
        {
            _counts[(int)entry.Status]++;
        }
        if (previous is null)
        {
            _seen.Add(deviceId);
        }
        else if (entry is null)
        {
            _seen.Remove(deviceId);
        }
    }
}
