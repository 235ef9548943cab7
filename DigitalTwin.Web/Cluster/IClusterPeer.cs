using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using Orleans.Concurrency;
using Orleans.Services;

namespace DigitalTwin.Web.Cluster;

/// <summary>One per instance (an Orleans grain service): what the other instances tell it happened on their side.</summary>
public interface IClusterPeer : IGrainService
{
    /// <summary>Twins hosted elsewhere changed: this instance's board and pages hear it as if the twins were here.</summary>
    [OneWay]
    Task TwinsChangedAsync(TwinSnapshot[] snapshots);

    /// <summary>Devices were created, edited or deleted through another instance: read them again from the database.</summary>
    [OneWay]
    Task DevicesChangedAsync(string[] deviceIds);

    /// <summary>The alert host (running elsewhere) made these transitions: this instance's bell and pages hear them.</summary>
    [OneWay]
    Task AlertsChangedAsync(AlertChange[] changes);

    /// <summary>Desired or reported documents changed through another instance: this instance's device pages hear it.</summary>
    [OneWay]
    Task DocumentsChangedAsync(TwinDocuments[] documents);

    /// <summary>Commands sent or answered through another instance: this instance's device pages hear it.</summary>
    [OneWay]
    Task CommandsChangedAsync(CommandEntry[] commands);
}
