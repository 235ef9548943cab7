using System.Globalization;
using DigitalTwin.Core.Audit;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Audit;

/// <summary>The audit trail on /api/audit (admins only): a page of entries, newest first, or all of them as CSV.</summary>
public static class AuditApi
{
    private const string Filters = "filters: user (the actor, with or without token), action (\"device\" or \"device.create\"), "
        + "entity (type), entityId, from (inclusive), to (exclusive; ISO-8601)";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary($"Audit entries, newest first; {Filters}; offset, limit (1–{AuditQuery.MaxLimit}); total counts every match");
        group.MapGet("/export", Export).WithSummary($"Every matching audit entry as CSV, newest first; {Filters}")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(
        string? user, string? action, string? entity, string? entityId, string? from, string? to, string? offset, string? limit,
        AuditSearch audit, CancellationToken cancellationToken)
    {
        var (query, errors) = AuditQueryParser.Parse(user, action, entity, entityId, from, to, offset, limit);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(await audit.PageAsync(query, cancellationToken));
    }

    private static Results<IResult, ValidationProblem> Export(
        string? user, string? action, string? entity, string? entityId, string? from, string? to,
        AuditSearch audit, TimeProvider time, HttpContext context)
    {
        var (query, errors) = AuditQueryParser.Parse(user, action, entity, entityId, from, to, null, null);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var file = $"audit_{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, leaveOpen: true);
            await AuditCsv.WriteAsync(writer, audit.AllAsync(query, context.RequestAborted), context.RequestAborted);
        }, "text/csv; charset=utf-8", file);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid query", detail: $"Invalid parameter(s): {string.Join(", ", errors.Keys)}.");
}
