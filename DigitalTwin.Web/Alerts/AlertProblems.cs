using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Alerts;

/// <summary>The ProblemDetails the alert endpoints share.</summary>
public static class AlertProblems
{
    public static ProblemHttpResult UnknownRule(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown alert rule", detail: $"No alert rule {id} exists.");

    public static ProblemHttpResult UnknownAlert(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown alert", detail: $"No alert {id} exists.");

    public static ProblemHttpResult UnknownSilence(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown silence", detail: $"No silence {id} exists.");

    /// <remarks>A ValidationProblem: a 400 ProblemDetails whose "errors" name each invalid field.</remarks>
    public static ValidationProblem Invalid(string title, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: title, detail: $"Invalid field(s): {string.Join(", ", errors.Keys)}.");
}
