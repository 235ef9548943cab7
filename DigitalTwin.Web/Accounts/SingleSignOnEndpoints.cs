using System.Text.Encodings.Web;
using DigitalTwin.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DigitalTwin.Web.Accounts;

/// <summary>
/// GET /account/sso sends the browser to the OpenID provider; the provider's answer comes back through the handler's
/// /signin-oidc into Identity's external cookie and on to GET /account/sso/complete, which signs the local user in.
/// Mapped only when single sign-on is set up.
/// </summary>
public static class SingleSignOnEndpoints
{
    public const string StartPath = "/account/sso";
    public const string CompletePath = "/account/sso/complete";

    public static IEndpointRouteBuilder MapSingleSignOnEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<SingleSignOn>().Enabled)
        {
            return endpoints;
        }
        endpoints.MapGet(StartPath, Start).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(CompletePath, CompleteAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static ChallengeHttpResult Start(string? returnUrl)
    {
        var next = $"{CompletePath}?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}";
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = next }, [SingleSignOnExtensions.Scheme]);
    }

    private static async Task<IResult> CompleteAsync(
        string? returnUrl, HttpContext context, SingleSignOnUsers ssoUsers, SignInManager<AppUser> signIn)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The provider's identity is only a step on the way: it never outlives this request.
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return Refuse(SingleSignOnErrors.Failed);
        }
        var address = context.Connection.RemoteIpAddress?.ToString();
        var outcome = await ssoUsers.SignInAsync(external.Principal, address, context.RequestAborted);
        if (outcome.User is null)
        {
            return Refuse(outcome.Error ?? SingleSignOnErrors.Failed);
        }
        await signIn.SignInAsync(outcome.User, isPersistent: false, authenticationMethod: SingleSignOnExtensions.ProviderName);
        context.Response.Headers.CacheControl = "no-store";
        return Continue(LocalUrl.OrHome(returnUrl));
    }

    private static RedirectHttpResult Refuse(string error) => TypedResults.LocalRedirect($"/account/login?error={Uri.EscapeDataString(error)}");

    /// <summary>
    /// A page that moves on by itself rather than a redirect: this request is the end of a chain of redirects that started
    /// at the provider's site, and browsers withhold the SameSite=Strict sign-in cookie on such a chain, so a redirect would
    /// land on the sign-in page again. A navigation started by this page is same-site, and carries the cookie.
    /// </summary>
    private static ContentHttpResult Continue(string url)
    {
        var href = HtmlEncoder.Default.Encode(url);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={href}">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Signed in · DigitalTwin</title></head>
            <body><p>Signed in. <a href="{href}" data-testid="sso-continue">Continue</a></p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
