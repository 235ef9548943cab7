using System.Text.Json.Nodes;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>
/// A device's desired and reported documents with their versions, and the delta: the desired keys whose value the
/// device has not reported (yet). Immutable once made; the nodes must not be changed.
/// </summary>
public sealed record TwinDocuments(
    string DeviceId,
    JsonObject Desired,
    long DesiredVersion,
    DateTimeOffset? DesiredUpdatedAt,
    JsonObject Reported,
    long ReportedVersion,
    DateTimeOffset? ReportedUpdatedAt)
{
    private JsonObject? _delta;

    /// <summary>Desired keys whose value differs from the reported one (deep JSON equality; nested objects compared key by key).</summary>
    public JsonObject Delta => _delta ??= JsonMergePatch.Delta(Desired, Reported);

    /// <summary>The device has not reported every desired value: "waiting for the device".</summary>
    public bool IsPending => Delta.Count > 0;

    public static TwinDocuments Empty(string deviceId) => new(deviceId, [], 0, null, [], 0, null);

    internal static TwinDocuments From(TwinProperties row) => new(
        row.DeviceId,
        JsonMergePatch.ParseObject(row.Desired),
        row.DesiredVersion,
        row.DesiredUpdatedAt,
        JsonMergePatch.ParseObject(row.Reported),
        row.ReportedVersion,
        row.ReportedUpdatedAt);
}
