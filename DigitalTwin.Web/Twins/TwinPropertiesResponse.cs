using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Properties;

namespace DigitalTwin.Web.Twins;

/// <summary>GET /api/devices/{id}/twin: the desired and reported documents, the delta between them, and their versions.</summary>
/// <param name="Delta">Desired keys whose value the device has not reported (yet): empty when in sync.</param>
/// <param name="Pending">The delta is not empty: waiting for the device.</param>
public sealed record TwinPropertiesResponse(
    string Id,
    JsonObject Desired,
    JsonObject Reported,
    JsonObject Delta,
    TwinVersions Versions,
    bool Pending,
    DateTimeOffset? DesiredUpdatedAt,
    DateTimeOffset? ReportedUpdatedAt)
{
    public static TwinPropertiesResponse From(TwinDocuments documents) => new(
        documents.DeviceId,
        documents.Desired,
        documents.Reported,
        documents.Delta,
        new TwinVersions(documents.DesiredVersion, documents.ReportedVersion),
        documents.IsPending,
        documents.DesiredUpdatedAt,
        documents.ReportedUpdatedAt);
}

/// <param name="Desired">The desired document's version: its ETag, "\"{Desired}\"".</param>
public sealed record TwinVersions(long Desired, long Reported);
