using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.Identity;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Security;

namespace DigitalTwin.Web.Accounts;

/// <summary>Sign-out as a form post; the forms carry an antiforgery token, and a post without a valid one is refused (400).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", SignOut).AllowAnonymous().RequireAntiforgery().ExcludeFromDescription();
        endpoints.MapSingleSignOnEndpoints();
        return endpoints;
    }

    private static async Task<IResult> SignOut(HttpContext context, SignInManager<AppUser> signIn, AuditTrail audit)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(context.Actor(), "user.sign-out", "user", context.User.Identity.Name, cancellationToken: context.RequestAborted);
        }
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }
}
