using System.Security.Claims;
using DigitalTwin.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Accounts;

/// <summary>/api/auth: a token for scripts without a browser, who am I, and one's own API tokens.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Trade a user name and password for a personal API token (shown once); for scripts without a browser");
        group.MapGet("/me", Me).WithSummary("Who the caller is: user, roles, and the token in use");
        group.MapGet("/tokens", ListTokens).WithSummary("The caller's API tokens (all users' with all=true, for admins)");
        group.MapPost("/tokens", CreateToken).WithSummary("Create an API token for the caller (name, expiresInDays, optional narrower role); shown once");
        group.MapDelete("/tokens/{id:long}", RevokeToken).WithSummary("Revoke one of the caller's tokens (admins: anyone's)");
        return endpoints;
    }

    public sealed record TokenSignIn(string? UserName, string? Password, string? Name, int? ExpiresInDays, string? Role);

    public sealed record TokenCreated(string Token, TokenListItem Details);

    public sealed record Caller(string UserName, IReadOnlyList<string> Roles, string? Token);

    private static async Task<Results<Ok<TokenCreated>, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenSignIn body, HttpContext context, SignInChecks checks, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        var outcome = await checks.CheckAsync(body.UserName, body.Password, context.Connection.RemoteIpAddress?.ToString(), "POST /api/auth/token", cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: outcome.Message,
                extensions: new Dictionary<string, object?> { ["reason"] = outcome.Reason });
        }
        var user = outcome.User!;
        if (user.MustChangePassword)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                detail: "Sign in to the web app once and choose your own password; then ask for a token.",
                extensions: new Dictionary<string, object?> { ["reason"] = "PasswordChangeRequired" });
        }
        var actor = new Core.Audit.Actor(user.UserName!, Core.Audit.ActorKind.User, context.Connection.RemoteIpAddress?.ToString(), user.Id);
        var request = new TokenRequest(body.Name ?? $"token from {actor.Address ?? "a script"}", body.ExpiresInDays, body.Role);
        return Created(await tokens.CreateAsync(user.Id, request, actor, cancellationToken), user.UserName!);
    }

    private static Ok<Caller> Me(ClaimsPrincipal user) => TypedResults.Ok(new Caller(
        user.Identity!.Name!, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), user.FindFirstValue(ApiTokenAuthenticationHandler.TokenNameClaim)));

    private static async Task<Results<Ok<IReadOnlyList<TokenListItem>>, ForbidHttpResult>> ListTokens(
        ClaimsPrincipal user, ApiTokenService tokens, CancellationToken cancellationToken, bool all = false)
    {
        if (all && !user.IsInRole(Roles.Admin))
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(await tokens.ListAsync(all ? null : UserId(user), cancellationToken));
    }

    private static async Task<Results<Ok<TokenCreated>, ProblemHttpResult, ValidationProblem>> CreateToken(
        TokenRequest body, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
        Created(await tokens.CreateAsync(UserId(context.User), body, context.Actor(), cancellationToken), context.User.Identity!.Name!);

    private static async Task<Results<NoContent, NotFound>> RevokeToken(long id, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        var owner = context.User.IsInRole(Roles.Admin) ? null : UserId(context.User);
        return await tokens.RevokeAsync(id, owner, context.Actor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static Results<Ok<TokenCreated>, ProblemHttpResult, ValidationProblem> Created(TokenResult result, string userName) =>
        result.Issued is { } issued
            ? TypedResults.Ok(new TokenCreated(issued.Secret, TokenListItem.From(issued.Token, userName, issued.Token.CreatedAt)))
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary(e => e.Key, e => e.Value));

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
