using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Devices;

/// <summary>
/// The one in-memory view of the device registry: an immutable snapshot swapped after each committed change, and one
/// stream of those changes in commit order. Reads never lock (transports, twins and alert rules read it per message);
/// only <see cref="DeviceRegistry"/> writes, after its transaction committed.
/// </summary>
/// <remarks>
/// Subscribers are called on the writer's thread, in order, one change at a time: they must be quick and must not
/// write to the directory (start background work instead).
/// </remarks>
public sealed partial class DeviceDirectory(ILogger<DeviceDirectory> logger)
{
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<string, DeviceEntry> _devices = ImmutableDictionary.Create<string, DeviceEntry>(StringComparer.Ordinal);
    private ImmutableArray<Action<DeviceChange>> _subscribers = [];

    /// <summary>Every registered device at one moment; a later change swaps in a new snapshot and leaves this one as it was.</summary>
    public ImmutableDictionary<string, DeviceEntry> Snapshot => Volatile.Read(ref _devices);

    public int Count => Snapshot.Count;

    public bool Contains(string deviceId) => Snapshot.ContainsKey(deviceId);

    public DeviceEntry? Find(string deviceId) => Snapshot.GetValueOrDefault(deviceId);

    /// <summary>The device's own inactivity timeout; null when it has none (or is unknown) and the default applies.</summary>
    public TimeSpan? OfflineAfter(string deviceId) => Find(deviceId)?.OfflineAfter;

    /// <summary>Every change from now on, in commit order, until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<DeviceChange> onChange)
    {
        lock (_writeLock)
        {
            _subscribers = _subscribers.Add(onChange);
        }
        return new Subscription(this, onChange);
    }

    /// <summary>Fills the directory from the Devices table at start, before anything subscribes; no changes are published.</summary>
    public void Load(IEnumerable<Device> devices)
    {
        lock (_writeLock)
        {
            var builder = _devices.ToBuilder();
            foreach (var device in devices)
            {
                builder[device.Id] = DeviceEntry.From(device);
            }
            Volatile.Write(ref _devices, builder.ToImmutable());
        }
    }

    /// <summary>Devices added or changed by a committed transaction.</summary>
    public void Stored(params IReadOnlyCollection<Device> devices) => Apply(devices.Select(DeviceEntry.From), []);

    /// <summary>The device's row is gone (committed).</summary>
    public void Removed(string deviceId) => Apply([], [deviceId]);

    /// <summary>An entry that is not (yet) the database's: the registry refuses a device's credentials before deleting it.</summary>
    internal void Store(DeviceEntry entry) => Apply([entry], []);

    private void Apply(IEnumerable<DeviceEntry> stored, IReadOnlyCollection<string> removed)
    {
        lock (_writeLock)
        {
            var changes = new List<DeviceChange>();
            var builder = _devices.ToBuilder();
            foreach (var entry in stored)
            {
                var before = builder.GetValueOrDefault(entry.Id);
                builder[entry.Id] = entry;
                changes.Add(new DeviceChange(before is null ? DeviceChangeKind.Added : DeviceChangeKind.Updated, entry.Id, before, entry));
            }
            foreach (var id in removed)
            {
                if (builder.Remove(id, out var before))
                {
                    changes.Add(new DeviceChange(DeviceChangeKind.Removed, id, before, null));
                }
            }
            Volatile.Write(ref _devices, builder.ToImmutable());
            foreach (var change in changes)
            {
                Publish(change);
            }
        }
    }

    private void Publish(DeviceChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(change);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex, change.Kind, change.DeviceId);
            }
        }
    }

    private void Unsubscribe(Action<DeviceChange> onChange)
    {
        lock (_writeLock)
        {
            _subscribers = _subscribers.Remove(onChange);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A device directory subscriber failed on {Kind} of {DeviceId}")]
    private partial void LogSubscriberFailed(Exception exception, DeviceChangeKind kind, string deviceId);

    private sealed class Subscription(DeviceDirectory directory, Action<DeviceChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                directory.Unsubscribe(onChange);
            }
        }
    }
}
