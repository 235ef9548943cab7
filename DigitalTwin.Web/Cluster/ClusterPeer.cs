using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using Orleans.Concurrency;

namespace DigitalTwin.Web.Cluster;

/// <summary>This instance's end of the cluster's fan-out: what arrives goes to the local listeners only, never back out.</summary>
[Reentrant]
public sealed class ClusterPeer(GrainId id, Silo silo, ILoggerFactory loggerFactory, TwinChangeFeed localTwins, ClusterDeviceSync devices, AlertFeed localAlerts,
    TwinPropertyFeed localDocuments, CommandFeed localCommands)
    : GrainService(id, silo, loggerFactory), IClusterPeer
{
    public Task TwinsChangedAsync(TwinSnapshot[] snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            localTwins.Publish(snapshot);
        }
        return Task.CompletedTask;
    }

    public Task DevicesChangedAsync(string[] deviceIds) => devices.ReloadAsync(deviceIds);

    public Task AlertsChangedAsync(AlertChange[] changes)
    {
        foreach (var change in changes)
        {
            localAlerts.Publish(change);
        }
        return Task.CompletedTask;
    }

    public Task DocumentsChangedAsync(TwinDocuments[] documents)
    {
        foreach (var document in documents)
        {
            localDocuments.PublishFromPeer(document);
        }
        return Task.CompletedTask;
    }

    public Task CommandsChangedAsync(CommandEntry[] commands)
    {
        foreach (var command in commands)
        {
            localCommands.PublishFromPeer(command);
        }
        return Task.CompletedTask;
    }
}
