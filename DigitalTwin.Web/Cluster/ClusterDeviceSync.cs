using System.Threading.Channels;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Cluster;

/// <summary>
/// Keeps every instance's <see cref="DeviceDirectory"/> in step with the Devices table, the one truth: a change
/// committed through this instance's registry is announced to the others, which read those devices again and apply
/// what they find, so the usual change stream runs on every instance (credentials, history, twins, alert targets).
/// An announcement can miss an instance that the sender's membership view does not list yet, so each instance also
/// compares its directory with the table once it has joined and every Cluster:DeviceResyncInterval.
/// </summary>
public sealed partial class ClusterDeviceSync(
    DeviceDirectory directory, ClusterPeers peers, IDbContextFactory<DigitalTwinDbContext> dbFactory, IOptions<ClusterModeOptions> options, ClusterCounters counters,
    TimeProvider time, ILogger<ClusterDeviceSync> logger)
    : BackgroundService
{
    /// <summary>Set while this instance applies what it read, so that is not announced back.</summary>
    [ThreadStatic]
    private static bool t_applyingRemote;

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = directory.Subscribe(change =>
        {
            if (!t_applyingRemote)
            {
                // Not announced here: directory subscribers run under its write lock and must not wait on the network.
                _changed.Writer.TryWrite(change.DeviceId);
            }
        });
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Told by another instance: these devices changed there.</summary>
    public async Task ReloadAsync(IReadOnlyCollection<string> deviceIds)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var stored = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToListAsync();
            Apply(stored, deviceIds.Except(stored.Select(d => d.Id), StringComparer.Ordinal).Where(directory.Contains).ToList());
        }
        catch (Exception ex)
        {
            LogReloadFailed(ex, deviceIds.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announcing = AnnounceAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.DeviceResyncInterval, time);
        try
        {
            do
            {
                await ResyncAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await announcing;
    }

    /// <summary>
    /// Everything the table holds that the directory does not (or holds differently), and the other way round. The
    /// directory is read before the table, so a device registered meanwhile is not taken for a deleted one, and an entry
    /// that changed here meanwhile is left as it is now.
    /// </summary>
    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            var before = directory.Snapshot;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.Devices.AsNoTracking().ToListAsync(cancellationToken);
            var storedIds = stored.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var now = directory.Snapshot;
            var changed = stored.Where(d => !before.TryGetValue(d.Id, out var entry) || !entry.SameAs(DeviceEntry.From(d)))
                .Where(d => now.GetValueOrDefault(d.Id) == before.GetValueOrDefault(d.Id)).ToList();
            var gone = before.Keys.Where(id => !storedIds.Contains(id) && now.GetValueOrDefault(id) == before[id]).ToList();
            if (changed.Count > 0 || gone.Count > 0)
            {
                LogResynced(changed.Count, gone.Count);
                counters.Resynced(changed.Count + gone.Count);
                Apply(changed, gone);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogResyncFailed(ex);
        }
    }

    private void Apply(IReadOnlyCollection<Device> stored, IReadOnlyCollection<string> gone)
    {
        t_applyingRemote = true;
        try
        {
            if (stored.Count > 0)
            {
                directory.Stored(stored);
            }
            foreach (var id in gone)
            {
                directory.Removed(id);
            }
        }
        finally
        {
            t_applyingRemote = false;
        }
    }

    /// <summary>Sends what changed here to the other instances, in batches as changes come.</summary>
    private Task AnnounceAsync(CancellationToken stoppingToken) =>
        PeerBroadcast.RunAsync(_changed.Reader, 1_000, peers, (peer, ids) => peer.DevicesChangedAsync([.. ids.Distinct(StringComparer.Ordinal)]), LogAnnounceFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read {Count} devices changed on another instance")]
    private partial void LogReloadFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances that {Count} devices changed")]
    private partial void LogAnnounceFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device directory resynced with the table: {Changed} devices added or changed, {Gone} removed (an announcement from another instance was missed)")]
    private partial void LogResynced(int changed, int gone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not compare the device directory with the table")]
    private partial void LogResyncFailed(Exception exception);
}
