using System.Security.Claims;
using DigitalTwin.Core.Audit;

namespace DigitalTwin.Web.Accounts;

public static class ActorExtensions
{
    /// <summary>Who is making this request, for the audit trail and "acknowledged by".</summary>
    public static Actor Actor(this HttpContext context) => context.User.ToActor(context.Connection.RemoteIpAddress?.ToString());

    public static Actor ToActor(this ClaimsPrincipal user, string? address)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return new Actor("anonymous", ActorKind.Anonymous, address);
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.FindFirstValue(ApiTokenAuthenticationHandler.TokenNameClaim) is { } token
            ? new Actor(name, ActorKind.Token, address, userId, token)
            : new Actor(name, ActorKind.User, address, userId);
    }

    public static bool MustChangePassword(this ClaimsPrincipal user) =>
        user.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true");
}
