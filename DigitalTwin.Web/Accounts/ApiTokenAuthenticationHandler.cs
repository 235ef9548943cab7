using System.Security.Claims;
using System.Text.Encodings.Web;
using DigitalTwin.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigitalTwin.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer dtu_…</c>: a personal API token acts as its user, narrowed to the token's role. Anything
/// else in the header (a device secret, a scrape token) is not this scheme's business and yields no result.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "dt:token_id";
    public const string TokenNameClaim = "dt:token_name";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (!TokenSecret.LooksLikeToken(token))
        {
            return AuthenticateResult.NoResult();
        }
        var identity = await tokens.AuthenticateAsync(token!, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked, or its user is disabled.");
        }
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, identity.UserId),
            new(ClaimTypes.Name, identity.UserName),
            new(TokenIdClaim, identity.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(TokenNameClaim, identity.TokenName),
            .. identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
