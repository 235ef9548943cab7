using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins;

/// <summary>The in-memory twin of one device (grain key = device id): one writer, activated on demand.</summary>
[Alias("DigitalTwin.ITwinGrain")]
public interface ITwinGrain : IGrainWithStringKey
{
    /// <summary>Applies readings: each metric keeps the value with the newest device timestamp, whatever the arrival order.</summary>
    [Alias("Report")]
    Task ReportAsync(TelemetryReading[] readings);

    /// <summary>A connection event or a status message: <see cref="StatusReason"/> says which.</summary>
    [Alias("ReportStatus")]
    Task ReportStatusAsync(DeviceStatus status, StatusReason reason);

    /// <summary>The device was deleted: forget everything and deactivate, so a device re-created with its id starts empty.</summary>
    [Alias("Reset")]
    Task ResetAsync();

    [Alias("Get")]
    Task<TwinSnapshot> GetAsync();
}
