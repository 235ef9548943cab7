using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>
/// Every committed change of a device's desired or reported document, published once by <see cref="TwinPropertyStore"/>:
/// the broker (which publishes the desired document downlink) and the device pages listen here.
/// </summary>
/// <remarks>Listeners must not block: they are called on the writer's thread, after the commit.</remarks>
public sealed partial class TwinPropertyFeed(ILogger<TwinPropertyFeed> logger)
{
    private ImmutableArray<Action<TwinDocuments>> _listeners = [];

    public IDisposable Subscribe(Action<TwinDocuments> onChange)
    {
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(onChange));
        return new Subscription(() => ImmutableInterlocked.Update(ref _listeners, l => l.Remove(onChange)));
    }

    public void Publish(TwinDocuments documents)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener(documents);
            }
            catch (Exception ex)
            {
                LogListenerFailed(ex, documents.DeviceId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A twin property listener failed for device {DeviceId}")]
    private partial void LogListenerFailed(Exception exception, string deviceId);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
