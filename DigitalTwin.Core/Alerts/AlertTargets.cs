using System.Collections.Concurrent;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The kind and tags of every registered device, in memory, so kind and tag rules can be matched without a query.
/// Kept in step by the registry's change events; <see cref="Changed"/> tells the engine to re-index its rules.
/// </summary>
public sealed class AlertTargets
{
    private static readonly TimeSpan RediscoverAfter = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Traits> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lookups = new(StringComparer.Ordinal);
    private readonly IDbContextFactory<DigitalTwinDbContext> _dbFactory;
    private readonly TimeProvider _time;

    public AlertTargets(IDbContextFactory<DigitalTwinDbContext> dbFactory, DeviceCredentials credentials, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _time = time;
        credentials.Stored += Set;
        credentials.Removed += id =>
        {
            if (_devices.TryRemove(id, out _))
            {
                Changed?.Invoke();
            }
        };
    }

    /// <summary>Raised when a device's kind or tags may have changed, or a device came or went.</summary>
    public event Action? Changed;

    public int Count => _devices.Count;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var device in db.Devices.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            _devices[device.Id] = new Traits(device.Kind, [.. device.Tags]);
        }
        Changed?.Invoke();
    }

    public void Set(Device device)
    {
        var traits = new Traits(device.Kind, [.. device.Tags]);
        if (!_devices.TryGetValue(device.Id, out var old) || !old.Equals(traits))
        {
            _devices[device.Id] = traits;
            Changed?.Invoke();
        }
    }

    public bool IsKnown(string deviceId) => _devices.ContainsKey(deviceId);

    /// <summary>
    /// A device reported that is not known here (auto-registered by its telemetry): look it up in the background,
    /// once a minute at most, so kind and tag rules pick it up.
    /// </summary>
    public void Discover(string deviceId)
    {
        var now = _time.GetUtcNow();
        if (_lookups.TryGetValue(deviceId, out var last) && now - last < RediscoverAfter)
        {
            return;
        }
        _lookups[deviceId] = now;
        _ = Task.Run(async () =>
        {
            // The history writer registers it with the batch that carried its first reading: give it a moment.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time);
                await using var db = await _dbFactory.CreateDbContextAsync();
                if (await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId) is { } device)
                {
                    Set(device);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
            {
                // Tried again on a later reading, a minute on.
            }
        });
    }

    /// <summary>The devices a rule watches (a device rule watches its device whether registered or not).</summary>
    public IEnumerable<string> Matching(AlertRule rule) => rule.TargetKind switch
    {
        AlertTargetKind.Device => [rule.Target],
        _ => _devices.Where(d => Matches(rule, d.Value)).Select(d => d.Key),
    };

    public bool Covers(AlertRule rule, string deviceId) => rule.TargetKind == AlertTargetKind.Device
        ? string.Equals(rule.Target, deviceId, StringComparison.Ordinal)
        : _devices.TryGetValue(deviceId, out var traits) && Matches(rule, traits);

    private static bool Matches(AlertRule rule, Traits traits) => rule.TargetKind switch
    {
        AlertTargetKind.Kind => string.Equals(traits.Kind, rule.Target, StringComparison.OrdinalIgnoreCase),
        AlertTargetKind.Tag => traits.Tags.Contains(rule.Target, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };

    private sealed record Traits(string Kind, string[] Tags)
    {
        public bool Equals(Traits? other) => other is not null && Kind == other.Kind && Tags.SequenceEqual(other.Tags);

        public override int GetHashCode() => Kind.GetHashCode(StringComparison.Ordinal);
    }
}
