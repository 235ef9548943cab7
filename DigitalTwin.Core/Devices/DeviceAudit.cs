using DigitalTwin.Core.Audit;

namespace DigitalTwin.Core.Devices;

/// <summary>What the audit trail shows of a device: its editable fields, never its secret or hash.</summary>
internal static class DeviceAudit
{
    public const string EntityType = "device";

    public static Dictionary<string, string?> Snapshot(Device device) => new(StringComparer.Ordinal)
    {
        ["name"] = device.Name,
        ["kind"] = device.Kind,
        ["location"] = device.Location,
        ["tags"] = device.Tags.Count == 0 ? null : string.Join(", ", device.Tags),
        // Metadata is not secret by contract (secrets have their own field); long values are cut by AuditSummary.
        ["metadata"] = device.Metadata.Count == 0 ? null : string.Join(", ", device.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")),
        ["offlineAfter"] = AuditSummary.Of(device.OfflineAfter),
    };

    public static AuditEntry Entry(Actor actor, DateTimeOffset at, string action, string deviceId, string summary) =>
        AuditEntry.Of(actor, at, action, EntityType, deviceId, summary);
}
