namespace DigitalTwin.Core.Twins.Properties;

/// <summary>
/// A device's desired and reported property documents (JSON objects as text), each with its version. One row per
/// device, created by the first change; deleting the device deletes it (cascade).
/// </summary>
public sealed class TwinProperties
{
    public required string DeviceId { get; set; }

    /// <summary>What operators want the device to be: a JSON object, changed by merge patches.</summary>
    public string Desired { get; set; } = "{}";

    /// <summary>0 before the first change; +1 per change. The desired document's ETag.</summary>
    public long DesiredVersion { get; set; }

    public DateTimeOffset? DesiredUpdatedAt { get; set; }

    /// <summary>What the device says it is: a JSON object, changed by the device's merge patches.</summary>
    public string Reported { get; set; } = "{}";

    public long ReportedVersion { get; set; }

    public DateTimeOffset? ReportedUpdatedAt { get; set; }
}
