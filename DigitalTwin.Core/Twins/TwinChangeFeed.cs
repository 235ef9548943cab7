using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// In-process fan-out of twin changes to the status board and the Blazor circuits of this server. Twins run in the
/// silo co-hosted here, so a direct call is the cheapest hop; listeners throttle their own re-rendering.
/// </summary>
public sealed partial class TwinChangeFeed(ILogger<TwinChangeFeed> logger) : ITwinChangeFeed
{
    private readonly Lock _lock = new();
    private ImmutableArray<Subscription> _all = [];
    private ImmutableDictionary<string, ImmutableArray<Subscription>> _byDevice = ImmutableDictionary<string, ImmutableArray<Subscription>>.Empty;

    public IDisposable Subscribe(string? deviceId, Action<TwinSnapshot> onChange)
    {
        var subscription = new Subscription(this, deviceId, onChange);
        lock (_lock)
        {
            if (deviceId is null)
            {
                _all = _all.Add(subscription);
            }
            else
            {
                _byDevice = _byDevice.SetItem(deviceId, _byDevice.GetValueOrDefault(deviceId, []).Add(subscription));
            }
        }
        return subscription;
    }

    public void Publish(TwinSnapshot snapshot)
    {
        Notify(_all, snapshot);
        if (_byDevice.TryGetValue(snapshot.DeviceId, out var listeners))
        {
            Notify(listeners, snapshot);
        }
    }

    private void Notify(ImmutableArray<Subscription> listeners, TwinSnapshot snapshot)
    {
        foreach (var listener in listeners)
        {
            try
            {
                listener.OnChange(snapshot);
            }
            catch (Exception ex)
            {
                LogListenerFailed(ex, snapshot.DeviceId);
            }
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            if (subscription.DeviceId is null)
            {
                _all = _all.Remove(subscription);
            }
            else if (_byDevice.TryGetValue(subscription.DeviceId, out var listeners))
            {
                var rest = listeners.Remove(subscription);
                _byDevice = rest.IsEmpty ? _byDevice.Remove(subscription.DeviceId) : _byDevice.SetItem(subscription.DeviceId, rest);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A twin change listener failed for device {DeviceId}")]
    private partial void LogListenerFailed(Exception exception, string deviceId);

    private sealed class Subscription(TwinChangeFeed feed, string? deviceId, Action<TwinSnapshot> onChange) : IDisposable
    {
        public string? DeviceId { get; } = deviceId;

        public Action<TwinSnapshot> OnChange { get; } = onChange;

        public void Dispose() => feed.Unsubscribe(this);
    }
}
