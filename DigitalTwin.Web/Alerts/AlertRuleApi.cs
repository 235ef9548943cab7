using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Alerts;

/// <summary>Alert rules on /api/alert-rules: list, read, create, edit, delete. Changes apply at once.</summary>
public static class AlertRuleApi
{
    public static RouteGroupBuilder MapAlertRules(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListRules).WithSummary("Every alert rule, by name");
        group.MapGet("/{id:long}", GetRule).WithSummary("One alert rule");
        group.MapPost("/", CreateRule).RequireAuthorization(Policies.Operate).WithSummary("Create a rule (threshold, no-data, rate-of-change or anomaly); it applies at once");
        group.MapPut("/{id:long}", UpdateRule).RequireAuthorization(Policies.Operate).WithSummary("Edit a rule; its open alerts are judged again at once");
        group.MapDelete("/{id:long}", DeleteRule).RequireAuthorization(Policies.Operate).WithSummary("Delete a rule; its open alerts are cleared, their history kept");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AlertRule>>> ListRules(AlertRuleService rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListRulesAsync(cancellationToken));

    private static async Task<Results<Ok<AlertRule>, ProblemHttpResult>> GetRule(long id, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.GetRuleAsync(id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : AlertProblems.UnknownRule(id);

    private static async Task<Results<Created<AlertRule>, ValidationProblem>> CreateRule(
        AlertRuleDraft draft, AlertRuleService rules, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await rules.CreateRuleAsync(draft, context.Actor(), cancellationToken);
        return result.Status == AlertResultStatus.Ok
            ? TypedResults.Created($"/api/alert-rules/{result.Rule!.Id}", result.Rule)
            : AlertProblems.Invalid("Invalid alert rule", result.Errors!);
    }

    private static async Task<Results<Ok<AlertRule>, ProblemHttpResult, ValidationProblem>> UpdateRule(
        long id, AlertRuleDraft draft, AlertRuleService rules, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await rules.UpdateRuleAsync(id, draft, context.Actor(), cancellationToken);
        return result.Status switch
        {
            AlertResultStatus.Ok => TypedResults.Ok(result.Rule!),
            AlertResultStatus.NotFound => AlertProblems.UnknownRule(id),
            _ => AlertProblems.Invalid("Invalid alert rule", result.Errors!),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(long id, AlertRuleService rules, HttpContext context, CancellationToken cancellationToken) =>
        await rules.DeleteRuleAsync(id, context.Actor(), cancellationToken) ? TypedResults.NoContent() : AlertProblems.UnknownRule(id);
}
