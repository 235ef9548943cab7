using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Twins;

namespace DigitalTwin.Web.Devices;

/// <summary>A page of <c>GET /api/devices</c>: the devices in it, how many match in all, and the paging used.</summary>
public sealed record DeviceListResponse(IReadOnlyList<DeviceListItemResponse> Items, int Total, int Offset, int Limit);

/// <summary>
/// A device of the list: the twin's fields (as <c>GET /api/devices/{id}</c> shows them, from the status board and
/// the newest stored values) and its registration.
/// </summary>
public sealed record DeviceListItemResponse(
    string Id,
    DeviceStatus Status,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, MetricResponse> Metrics,
    long Version,
    StatusReason StatusReason,
    DateTimeOffset? StatusSince,
    string StatusText,
    string? Name,
    string Kind,
    string? Location,
    IReadOnlyList<string> Tags,
    DateTimeOffset? RevokedAt)
{
    public static DeviceListItemResponse From(DeviceListItem item, IReadOnlyDictionary<string, TwinMetric> metrics) => new(
        item.Device.Id,
        item.Status.Status,
        item.Status.LastSeen,
        metrics.ToDictionary(m => m.Key, m => new MetricResponse(m.Value.Value, m.Value.Timestamp)),
        item.Status.Version,
        item.Status.Reason,
        item.Status.Since,
        item.Status.Describe(),
        item.Device.Name,
        item.Device.Kind,
        item.Device.Location,
        item.Device.Tags,
        item.Device.RevokedAt);
}
