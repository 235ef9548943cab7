using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Twins;

/// <summary>The twin as the API shows it.</summary>
public sealed record DeviceTwinResponse(
    string Id,
    DeviceStatus Status,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, MetricResponse> Metrics,
    long Version)
{
    public static DeviceTwinResponse From(TwinSnapshot twin) => new(
        twin.DeviceId,
        twin.Status,
        twin.LastSeen,
        twin.Metrics.ToDictionary(m => m.Key, m => new MetricResponse(m.Value.Value, m.Value.Timestamp)),
        twin.Version);
}

public sealed record MetricResponse(double Value, DateTimeOffset Timestamp);
