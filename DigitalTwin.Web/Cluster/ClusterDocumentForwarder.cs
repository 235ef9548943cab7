using System.Threading.Channels;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// Sends the desired/reported document changes and command changes committed here to the other instances, so a device
/// page open on any instance follows them. Both are rare next to telemetry; the outboxes are bounded, and a change that
/// does not fit is counted and logged (the page shows it on its next load).
/// </summary>
public sealed partial class ClusterDocumentForwarder(
    TwinPropertyFeed documents, CommandFeed commands, ClusterPeers peers, ClusterCounters counters, ILogger<ClusterDocumentForwarder> logger)
    : BackgroundService
{
    private const int OutboxCapacity = 10_000;
    private readonly Channel<TwinDocuments> _documents = Channel.CreateBounded<TwinDocuments>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly Channel<CommandEntry> _commands = Channel.CreateBounded<CommandEntry>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var documentChanges = documents.Subscribe(d => Queue(_documents, d, d.DeviceId, "document"), withPeers: false);
        using var commandChanges = commands.Subscribe(c => Queue(_commands, c, c.DeviceId, "command"), withPeers: false);
        await Task.WhenAll(
            PeerBroadcast.RunAsync(_documents.Reader, 500, peers, (peer, batch) => peer.DocumentsChangedAsync(batch), LogSendFailed, stoppingToken),
            PeerBroadcast.RunAsync(_commands.Reader, 500, peers, (peer, batch) => peer.CommandsChangedAsync(batch), LogSendFailed, stoppingToken));
    }

    private void Queue<T>(Channel<T> outbox, T change, string deviceId, string name)
    {
        if (!outbox.Writer.TryWrite(change))
        {
            counters.Dropped(name);
            LogOutboxFull(deviceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change of device {DeviceId}'s documents or commands not sent to the other instances: the outbox is full")]
    private partial void LogOutboxFull(string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} document or command changes to another instance")]
    private partial void LogSendFailed(Exception exception, int count);
}
