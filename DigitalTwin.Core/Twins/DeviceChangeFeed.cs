using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// In-process fan-out of one kind of committed change about a device. In cluster mode the changes another instance
/// made arrive through <see cref="PublishFromPeer"/> and reach the listeners that asked for them (the pages), not
/// those that act on changes made here (the desired-state downlink, the forwarding to the other instances).
/// </summary>
/// <remarks>Listeners must not block: they are called on the writer's thread, after the commit.</remarks>
public abstract class DeviceChangeFeed<T>(ILogger logger)
{
    private ImmutableArray<(Action<T> OnChange, bool WithPeers)> _listeners = [];

    /// <param name="withPeers">Also the changes other instances made (false: only this instance's own).</param>
    public IDisposable Subscribe(Action<T> onChange, bool withPeers = true)
    {
        var listener = (onChange, withPeers);
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(listener));
        return new Subscription(() => ImmutableInterlocked.Update(ref _listeners, l => l.Remove(listener)));
    }

    public void Publish(T change) => Notify(change, fromPeer: false);

    public void PublishFromPeer(T change) => Notify(change, fromPeer: true);

    protected abstract string DeviceOf(T change);

    private void Notify(T change, bool fromPeer)
    {
        foreach (var (onChange, withPeers) in _listeners)
        {
            if (fromPeer && !withPeers)
            {
                continue;
            }
            try
            {
                onChange(change);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A {Feed} listener failed for device {DeviceId}", GetType().Name, DeviceOf(change));
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
