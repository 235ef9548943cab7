using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Alerts;

/// <summary>Silences on /api/silences: notifications of a rule, a device, or that rule on that device are suppressed for a while.</summary>
public static class SilenceApi
{
    public static RouteGroupBuilder MapSilences(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListSilences).WithSummary("Silences in force (includeExpired=true for all)");
        group.MapPost("/", CreateSilence).RequireAuthorization(Policies.Operate).WithSummary("Silence a rule (ruleId), a device (deviceId) or both, for a period ('for') or until a time ('until')");
        group.MapDelete("/{id:long}", DeleteSilence).RequireAuthorization(Policies.Operate).WithSummary("End a silence now");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AlertSilence>>> ListSilences(bool? includeExpired, AlertSilenceService silences, CancellationToken cancellationToken) =>
        TypedResults.Ok(await silences.ListSilencesAsync(includeExpired ?? false, cancellationToken));

    private static async Task<Results<Created<AlertSilence>, ProblemHttpResult, ValidationProblem>> CreateSilence(
        SilenceDraft draft, AlertSilenceService silences, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await silences.SilenceAsync(draft, context.Actor(), cancellationToken);
        return result.Status switch
        {
            AlertResultStatus.Ok => TypedResults.Created($"/api/silences/{result.Silence!.Id}", result.Silence),
            AlertResultStatus.NotFound => AlertProblems.UnknownRule(draft.RuleId ?? 0),
            _ => AlertProblems.Invalid("Invalid silence", result.Errors!),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSilence(long id, AlertSilenceService silences, HttpContext context, CancellationToken cancellationToken) =>
        await silences.UnsilenceAsync(id, context.Actor(), cancellationToken) ? TypedResults.NoContent() : AlertProblems.UnknownSilence(id);
}
