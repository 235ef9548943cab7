using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Alerts;

/// <summary>In-process fan-out of alert transitions; a failing listener is logged and does not stop the others.</summary>
public sealed partial class AlertFeed(ILogger<AlertFeed> logger) : IAlertFeed
{
    private readonly Lock _lock = new();
    private ImmutableArray<Subscription> _listeners = [];

    public IDisposable Subscribe(Action<AlertChange> onChange)
    {
        var subscription = new Subscription(this, onChange);
        lock (_lock)
        {
            _listeners = _listeners.Add(subscription);
        }
        return subscription;
    }

    public void Publish(AlertChange change)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnChange(change);
            }
            catch (Exception ex)
            {
                LogListenerFailed(ex, change.Alert.Id);
            }
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            _listeners = _listeners.Remove(subscription);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An alert listener failed for alert {AlertId}")]
    private partial void LogListenerFailed(Exception exception, long alertId);

    private sealed class Subscription(AlertFeed feed, Action<AlertChange> onChange) : IDisposable
    {
        public Action<AlertChange> OnChange { get; } = onChange;

        public void Dispose() => feed.Unsubscribe(this);
    }
}
