using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Twins;

/// <summary>The twin as the API shows it.</summary>
/// <param name="StatusReason">Why the status last changed (e.g. ConnectionLost, NoData), at <paramref name="StatusSince"/>.</param>
/// <param name="StatusText">The status and reason in words: "offline — connection lost".</param>
public sealed record DeviceTwinResponse(
    string Id,
    DeviceStatus Status,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, MetricResponse> Metrics,
    long Version,
    StatusReason StatusReason = StatusReason.None,
    DateTimeOffset? StatusSince = null,
    string? StatusText = null)
{
    public static DeviceTwinResponse From(TwinSnapshot twin) => new(
        twin.DeviceId,
        twin.Status,
        twin.LastSeen,
        twin.Metrics.ToDictionary(m => m.Key, m => new MetricResponse(m.Value.Value, m.Value.Timestamp)),
        twin.Version,
        twin.Reason,
        twin.StatusSince,
        twin.StatusEntry.Describe());
}

public sealed record MetricResponse(double Value, DateTimeOffset Timestamp);
