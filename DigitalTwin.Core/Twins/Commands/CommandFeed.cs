using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>Every committed change of a command (sent, delivered, answered, timed out), published once by <see cref="CommandLog"/>; the device page listens.</summary>
/// <remarks>Listeners must not block: they are called on the writer's thread, after the commit.</remarks>
public sealed partial class CommandFeed(ILogger<CommandFeed> logger)
{
    private ImmutableArray<Action<CommandEntry>> _listeners = [];

    public IDisposable Subscribe(Action<CommandEntry> onChange)
    {
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(onChange));
        return new Subscription(() => ImmutableInterlocked.Update(ref _listeners, l => l.Remove(onChange)));
    }

    public void Publish(CommandEntry entry)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener(entry);
            }
            catch (Exception ex)
            {
                LogListenerFailed(ex, entry.DeviceId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A command listener failed for device {DeviceId}")]
    private partial void LogListenerFailed(Exception exception, string deviceId);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
