namespace DigitalTwin.Core.Accounts;

/// <summary>Whether a user can sign in now, in the order that matters most: disabled beats locked out beats must-change.</summary>
public enum UserState
{
    Active,
    MustChangePassword,
    LockedOut,
    Disabled,
}

/// <summary>A user as the users page and <c>GET /api/users</c> show them (never a password or a hash).</summary>
public sealed record UserSummary(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    UserState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedOutUntil,
    string? ExternalProvider)
{
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin, StringComparer.Ordinal);

    internal static UserSummary From(AppUser user, IReadOnlyList<string> roles, DateTimeOffset? lastSignIn, DateTimeOffset now)
    {
        var lockedUntil = user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
        var state = user.IsDisabled ? UserState.Disabled
            : lockedUntil is not null ? UserState.LockedOut
            : user.MustChangePassword ? UserState.MustChangePassword
            : UserState.Active;
        return new UserSummary(user.Id, user.UserName!, user.DisplayName ?? user.UserName!,
            [.. Accounts.Roles.All.Where(roles.Contains)], state, user.CreatedAt, lastSignIn, lockedUntil, user.ExternalProvider);
    }
}
