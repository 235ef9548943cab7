using System.Threading.Channels;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// The twin change feed across instances: listeners subscribe to this instance's <see cref="TwinChangeFeed"/>, and
/// every change a twin hosted here publishes goes to the local listeners at once and to the other instances' peers
/// in the background, so the status board and the pages on every instance see every twin.
/// </summary>
/// <remarks>
/// A twin's snapshot is its whole state, so changes waiting to go out are kept per device and the newest replaces the
/// one before it: the outbox is bounded by the number of twins, and a slow peer gets the latest state, not a backlog.
/// </remarks>
public sealed partial class ClusterTwinChangeFeed(TwinChangeFeed local, ClusterPeers peers, ClusterCounters counters, ILogger<ClusterTwinChangeFeed> logger)
    : BackgroundService, ITwinChangeFeed
{
    private readonly Lock _gate = new();
    /// <summary>One wake-up at most waits: the sender takes everything in the outbox when it wakes.</summary>
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<string, TwinSnapshot> _outbox = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string? deviceId, Action<TwinSnapshot> onChange) => local.Subscribe(deviceId, onChange);

    public void Publish(TwinSnapshot snapshot)
    {
        local.Publish(snapshot);
        lock (_gate)
        {
            if (_outbox.TryGetValue(snapshot.DeviceId, out var waiting) && waiting.Version >= snapshot.Version)
            {
                return;
            }
            if (waiting is not null)
            {
                counters.Coalesced();
            }
            _outbox[snapshot.DeviceId] = snapshot;
        }
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
            {
                TwinSnapshot[] batch;
                lock (_gate)
                {
                    batch = [.. _outbox.Values];
                    _outbox = new Dictionary<string, TwinSnapshot>(StringComparer.Ordinal);
                }
                if (batch.Length > 0)
                {
                    Send(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Send(TwinSnapshot[] batch)
    {
        foreach (var peer in peers.Others())
        {
            try
            {
                // One-way: a peer that has just died costs nothing here, and the membership drops it within seconds.
                _ = peer.TwinsChangedAsync(batch);
                counters.Forwarded(batch.Length);
            }
            catch (Exception ex)
            {
                LogSendFailed(ex, batch.Length);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {Count} twin changes to another instance")]
    private partial void LogSendFailed(Exception exception, int count);
}
