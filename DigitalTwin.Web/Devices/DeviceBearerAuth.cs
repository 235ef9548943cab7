using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DigitalTwin.Web.Devices;

/// <summary>
/// Devices reporting over HTTP authenticate with <c>Authorization: Bearer &lt;secret&gt;</c>, the same secret as
/// their MQTT password. Not ASP.NET Core authentication: the credential belongs to the device in the URL, not to
/// a user, and the check is the same in-memory one the broker uses.
/// </summary>
public static class DeviceBearerAuth
{
    private const string Scheme = "Bearer ";

    /// <summary>Null when the request may report for <paramref name="deviceId"/>; otherwise the 401/403 problem.</summary>
    public static ProblemHttpResult? Check(HttpContext context, string deviceId, DeviceAuthenticator authenticator)
    {
        if (!DeviceId.IsValid(deviceId))
        {
            // Ingest refuses it with the usual 400 and reason.
            return null;
        }
        var refusal = authenticator.Authenticate(deviceId, ReadToken(context.Request));
        switch (refusal)
        {
            case null:
                return null;
            case CredentialRefusal.Revoked or CredentialRefusal.NoSecret:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Device not allowed",
                    detail: refusal == CredentialRefusal.Revoked
                        ? $"Device '{deviceId}' is revoked."
                        : $"Device '{deviceId}' has no secret yet; issue one with POST /api/devices/{deviceId}/secret.",
                    extensions: Reason(refusal.Value));
            default:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Device not authenticated",
                    detail: $"Send 'Authorization: Bearer <secret>' with the secret of registered device '{deviceId}'.",
                    extensions: Reason(refusal.Value));
        }
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    private static Dictionary<string, object?> Reason(CredentialRefusal refusal) => new() { ["reason"] = refusal.ToString() };
}
