using DigitalTwin.Core.Devices;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Which devices a rule watches, read from the <see cref="DeviceDirectory"/>'s snapshot, so kind and tag rules are
/// matched without a query. <see cref="Changed"/> tells the engine to re-index its rules when a device comes, goes,
/// or changes kind or tags; <see cref="Removed"/> that a device's open alerts have nothing left to watch.
/// </summary>
public sealed class AlertTargets : IDisposable
{
    private readonly DeviceDirectory _directory;
    private readonly IDisposable _subscription;

    public AlertTargets(DeviceDirectory directory)
    {
        _directory = directory;
        _subscription = directory.Subscribe(OnDeviceChanged);
    }

    /// <summary>A device's kind or tags may have changed, or a device came or went.</summary>
    public event Action? Changed;

    /// <summary>A device was deleted (its id).</summary>
    public event Action<string>? Removed;

    public int Count => _directory.Count;

    /// <summary>The devices a rule watches (a device rule watches its device whether registered or not).</summary>
    public IEnumerable<string> Matching(AlertRule rule) => rule.TargetKind switch
    {
        AlertTargetKind.Device => [rule.Target],
        _ => _directory.Snapshot.Values.Where(d => Matches(rule, d)).Select(d => d.Id),
    };

    public bool Covers(AlertRule rule, string deviceId) => rule.TargetKind == AlertTargetKind.Device
        ? string.Equals(rule.Target, deviceId, StringComparison.Ordinal)
        : _directory.Find(deviceId) is { } device && Matches(rule, device);

    public void Dispose() => _subscription.Dispose();

    private void OnDeviceChanged(DeviceChange change)
    {
        if (change.ChangesTraits)
        {
            Changed?.Invoke();
        }
        if (change.Kind == DeviceChangeKind.Removed)
        {
            Removed?.Invoke(change.DeviceId);
        }
    }

    private static bool Matches(AlertRule rule, DeviceEntry device) => rule.TargetKind switch
    {
        AlertTargetKind.Kind => string.Equals(device.Kind, rule.Target, StringComparison.OrdinalIgnoreCase),
        AlertTargetKind.Tag => device.Tags.Contains(rule.Target, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
