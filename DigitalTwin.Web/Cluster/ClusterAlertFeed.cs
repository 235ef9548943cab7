using System.Threading.Channels;
using DigitalTwin.Core.Alerts;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// Alert changes across instances: the alert host's engine publishes here, its own listeners hear at once and the other
/// instances' peers in the background, so the bell, the snackbars and the alerts page are live on every instance.
/// </summary>
/// <remarks>
/// The outbox is bounded; should it ever fill (the other instances unreachable for a long time), a change that does not
/// fit is counted and logged, and those instances' bells catch up from the host's count within seconds.
/// </remarks>
public sealed partial class ClusterAlertFeed(AlertFeed local, ClusterPeers peers, ClusterCounters counters, ILogger<ClusterAlertFeed> logger) : BackgroundService, IAlertFeed
{
    private const int OutboxCapacity = 10_000;
    private readonly Channel<AlertChange> _outbox = Channel.CreateBounded<AlertChange>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    public IDisposable Subscribe(Action<AlertChange> onChange) => local.Subscribe(onChange);

    public void Publish(AlertChange change)
    {
        local.Publish(change);
        if (!_outbox.Writer.TryWrite(change))
        {
            counters.Dropped("alert");
            LogOutboxFull(change.Alert.Id, change.Transition);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeerBroadcast.RunAsync(_outbox.Reader, 500, peers, (peer, changes) => peer.AlertsChangedAsync(changes), LogSendFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} {Transition} not sent to the other instances: their outbox is full")]
    private partial void LogOutboxFull(long alertId, AlertTransition transition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} alert changes to another instance")]
    private partial void LogSendFailed(Exception exception, int count);
}
