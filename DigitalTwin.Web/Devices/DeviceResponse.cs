using DigitalTwin.Core.Devices;

namespace DigitalTwin.Web.Devices;

/// <summary>A device's registration as the API shows it: never its secret or hash.</summary>
public sealed record DeviceResponse(
    string Id,
    string? Name,
    string Kind,
    string? Location,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata,
    TimeSpan? OfflineAfter,
    bool HasSecret,
    DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt)
{
    public static DeviceResponse From(Device device) => new(
        device.Id, device.Name, device.Kind, device.Location, device.Tags, device.Metadata, device.OfflineAfter,
        device.SecretHash is not null, device.RevokedAt, device.CreatedAt);
}

/// <summary>The answer to creating a device or rotating its secret: the only time the secret is ever shown.</summary>
public sealed record DeviceWithSecret(DeviceResponse Device, string Secret);
