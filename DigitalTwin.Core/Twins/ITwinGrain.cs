using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins;

/// <summary>The in-memory twin of one device (grain key = device id): one writer, activated on demand.</summary>
[Alias("DigitalTwin.ITwinGrain")]
public interface ITwinGrain : IGrainWithStringKey
{
    /// <summary>Applies readings: each metric keeps the value with the newest device timestamp, whatever the arrival order.</summary>
    [Alias("Report")]
    Task ReportAsync(TelemetryReading[] readings);

    [Alias("Get")]
    Task<TwinSnapshot> GetAsync();
}
