using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Problems;

/// <summary>
/// Turns a request that minimal APIs could not bind (a query, route or header value of the wrong type, a JSON body
/// that does not deserialize, a body too large) into a ProblemDetails naming the field and what it accepts, once
/// for every endpoint. Binding throws instead of answering a bare 400 because <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on.
/// </summary>
internal sealed class BindingProblemHandler(BindingErrorDescriber describer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        IResult result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? Invalid(describer.Describe(httpContext, bad))
            : TypedResults.Problem(statusCode: bad.StatusCode, title: Title(bad.StatusCode), detail: bad.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid request",
            detail: $"Invalid field(s): {string.Join(", ", errors.Keys)}.");

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
