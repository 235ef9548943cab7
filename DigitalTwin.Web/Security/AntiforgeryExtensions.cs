using Microsoft.AspNetCore.Antiforgery;

namespace DigitalTwin.Web.Security;

public static class AntiforgeryExtensions
{
    /// <summary>
    /// A form post handled by a minimal API endpoint that binds no form field (e.g. sign-out): the antiforgery
    /// middleware checks the token because of the metadata, but only form binding would act on a failed check, so the
    /// filter refuses it with 400.
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true))
        .AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                    detail: "This form must be posted from the app's own page, which carries an antiforgery token; reload the page and try again.",
                    extensions: new Dictionary<string, object?> { ["reason"] = "AntiforgeryTokenInvalid" })
                : await next(context));
}
