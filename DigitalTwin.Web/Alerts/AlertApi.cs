using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Alerts;

/// <summary>Alerts on /api/alerts: list with filters, one with history and deliveries, acknowledge, clear.</summary>
public static class AlertApi
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/alert-rules").WithTags("Alerts").RequireAuthorization(Policies.Read).MapAlertRules();
        endpoints.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(Policies.Read).MapAlerts();
        endpoints.MapGroup("/api/silences").WithTags("Alerts").RequireAuthorization(Policies.Read).MapSilences();
        return endpoints;
    }

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAlerts)
            .WithSummary("Alerts, newest first; filters: state (Pending|Active|Cleared|Open), severity, device, from, to (ISO-8601; alerts whose lifetime overlaps), acknowledged, rule, limit");
        group.MapGet("/summary", GetSummary).WithSummary("Open alerts and active unacknowledged alerts (the bell)");
        group.MapGet("/{id:long}", GetAlert).WithSummary("One alert with its history and notification delivery attempts");
        group.MapPost("/{id:long}/ack", Acknowledge).RequireAuthorization(Policies.Operate).WithSummary("Acknowledge an alert as the signed-in user or token, with an optional comment");
        group.MapPost("/{id:long}/clear", Clear).RequireAuthorization(Policies.Operate).WithSummary("Clear an open alert by hand as the signed-in user or token, with an optional reason");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<Alert>>, ValidationProblem>> ListAlerts(
        string? state, string? severity, string? device, string? from, string? to, string? acknowledged, long? rule, int? limit,
        AlertQueryService alerts, CancellationToken cancellationToken)
    {
        var (query, errors) = AlertQueryParser.Parse(state, severity, device, from, to, acknowledged, rule, limit);
        return errors.Count > 0
            ? AlertProblems.Invalid("Invalid query", errors)
            : TypedResults.Ok(await alerts.QueryAlertsAsync(query, cancellationToken));
    }

    private static async Task<Ok<AlertSummary>> GetSummary(AlertQueryService alerts, IAlertEngine engine) =>
        TypedResults.Ok(new AlertSummary(await engine.OpenCountAsync(), alerts.UnacknowledgedCount));

    private static async Task<Results<Ok<AlertDetails>, ProblemHttpResult>> GetAlert(long id, AlertQueryService alerts, CancellationToken cancellationToken) =>
        await alerts.GetAlertAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : AlertProblems.UnknownAlert(id);

    private static async Task<Results<Ok<Alert>, ProblemHttpResult, ValidationProblem>> Acknowledge(
        long id, AcknowledgeRequest request, AlertActionService actions, HttpContext context, CancellationToken cancellationToken) =>
        Answer(id, await actions.AcknowledgeAsync(id, context.Actor(), request.Comment, cancellationToken));

    private static async Task<Results<Ok<Alert>, ProblemHttpResult, ValidationProblem>> Clear(
        long id, ClearRequest request, AlertActionService actions, HttpContext context, CancellationToken cancellationToken) =>
        Answer(id, await actions.ClearAsync(id, context.Actor(), request.Reason, cancellationToken));

    private static Results<Ok<Alert>, ProblemHttpResult, ValidationProblem> Answer(long id, AlertActionResult result) => result.Status switch
    {
        AlertResultStatus.Ok => TypedResults.Ok(result.Alert!),
        AlertResultStatus.NotFound => AlertProblems.UnknownAlert(id),
        AlertResultStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Alert already cleared", detail: result.Detail),
        _ => AlertProblems.Invalid("Invalid request", result.Errors!),
    };
}

/// <param name="By">Ignored (older clients send it): the signed-in user or token is recorded.</param>
public sealed record AcknowledgeRequest(string? By, string? Comment);

/// <param name="By">Ignored (older clients send it): the signed-in user or token is recorded.</param>
public sealed record ClearRequest(string? By, string? Reason);

/// <param name="Open">Pending and active alerts.</param>
/// <param name="Unacknowledged">Active alerts nobody acknowledged yet.</param>
public sealed record AlertSummary(int Open, int Unacknowledged);
