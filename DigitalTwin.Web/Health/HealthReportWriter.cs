using System.Text.Json;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalTwin.Web.Health;

/// <summary>
/// The answer of /health/ready: the overall status and each check's status for everyone (load balancers and
/// orchestrators call without credentials), and each check's description only for a signed-in user or token with
/// read access: descriptions name hosts, ports and queue sizes, which an anonymous caller has no need of.
/// </summary>
public static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var detailed = context.User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(context.User, Policies.Read)).Succeeded;
        var answer = new HealthAnswer(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(
                e.Value.Status.ToString(),
                detailed ? e.Value.Description : null,
                detailed ? Math.Round(e.Value.Duration.TotalMilliseconds, 1) : null)));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, JsonOptions, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

public sealed record HealthCheckAnswer(string Status, string? Description, double? DurationMs);
