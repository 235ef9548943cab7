using DigitalTwin.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Accounts;

/// <summary>/api/users (admins only): the same user administration as the users page.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListUsers).WithSummary("Every user: roles, state (Active, MustChangePassword, LockedOut, Disabled), created, last sign-in");
        group.MapGet("/{userName}", GetUser).WithSummary("One user");
        group.MapPost("/", CreateUser).WithSummary("Create a user (userName, displayName, roles); the answer holds a generated password, shown this once, to be changed at first sign-in");
        group.MapPut("/{userName}/roles", SetRoles).WithSummary("Replace a user's roles (409 when it would remove the last enabled admin)");
        group.MapPost("/{userName}/disable", DisableUser)
            .WithSummary("Disable a user: sign-in, open pages and API tokens are refused (409 for the last enabled admin)");
        group.MapPost("/{userName}/enable", EnableUser).WithSummary("Enable a disabled user");
        group.MapPost("/{userName}/reset-password", ResetPassword)
            .WithSummary("Reset a user's password to a generated one (shown this once), to be changed at next sign-in; also unlocks");
        group.MapPost("/{userName}/unlock", UnlockUser).WithSummary("Lift a lockout after failed sign-ins");
        return endpoints;
    }

    /// <summary>The body of PUT /api/users/{userName}/roles.</summary>
    public sealed record RolesChange(IReadOnlyList<string>? Roles);

    /// <summary>A user with the password just generated for them: hand it over once, it is not stored in clear.</summary>
    public sealed record UserWithPassword(UserSummary User, string Password);

    private static async Task<Ok<IReadOnlyList<UserSummary>>> ListUsers(UserAdministration users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> GetUser(string userName, UserAdministration users, CancellationToken cancellationToken) =>
        await users.GetAsync(userName, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : Problem(new UserChange(UserChangeStatus.NotFound, Message: $"There is no user '{userName}'."));

    private static async Task<Results<Created<UserWithPassword>, ValidationProblem, ProblemHttpResult>> CreateUser(
        NewUser body, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(body, context.Actor(), cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/users/{Uri.EscapeDataString(result.User!.UserName)}", new UserWithPassword(result.User, result.Password!));
        }
        return result.Status == UserChangeStatus.Invalid ? Invalid(result) : Problem(result);
    }

    private static async Task<Results<Ok<UserWithPassword>, ValidationProblem, ProblemHttpResult>> ResetPassword(
        string userName, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.ResetPasswordAsync(userName, context.Actor(), cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new UserWithPassword(result.User!, result.Password!));
        }
        return result.Status == UserChangeStatus.Invalid ? Invalid(result) : Problem(result);
    }

    private static Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> SetRoles(
        string userName, RolesChange body, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(users.SetRolesAsync(userName, body.Roles, context.Actor(), cancellationToken));

    private static Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> DisableUser(
        string userName, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(users.DisableAsync(userName, context.Actor(), cancellationToken));

    private static Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> EnableUser(
        string userName, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(users.EnableAsync(userName, context.Actor(), cancellationToken));

    private static Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> UnlockUser(
        string userName, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(users.UnlockAsync(userName, context.Actor(), cancellationToken));

    private static async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> Answer(Task<UserChange> change)
    {
        var result = await change;
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.User!);
        }
        return result.Status == UserChangeStatus.Invalid ? Invalid(result) : Problem(result);
    }

    /// <summary>400 naming each invalid field.</summary>
    private static ValidationProblem Invalid(UserChange result) => TypedResults.ValidationProblem(
        result.Errors!.ToDictionary(e => e.Key, e => e.Value), title: "Invalid user change", detail: result.Message);

    /// <summary>404, or 409 when the user exists already or the change would leave no enabled admin.</summary>
    private static ProblemHttpResult Problem(UserChange result) => result.Status switch
    {
        UserChangeStatus.Conflict => Problem(StatusCodes.Status409Conflict, "User exists", result.Message!, "UserExists"),
        UserChangeStatus.LastAdmin => Problem(StatusCodes.Status409Conflict, "Last admin", result.Message!, "LastAdmin"),
        _ => Problem(StatusCodes.Status404NotFound, "Unknown user", result.Message!, "UnknownUser"),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail, string reason) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
