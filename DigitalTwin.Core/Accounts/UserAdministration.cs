using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Core.Accounts;

/// <summary>
/// What an admin does to users, for the users page and <c>/api/users</c> alike: list, create with a generated password,
/// change roles, disable and enable, reset the password, unlock. Never leaves the app without an enabled admin.
/// </summary>
/// <remarks>
/// Each change runs in a scope of its own, so Identity's UserManager saves through a fresh DbContext: the change's
/// <see cref="AuditEntry"/> is added to that same context first, and an explicit transaction around the change makes
/// Identity's one or more SaveChanges and the audit row commit together or not at all. A refused or failed change
/// disposes its scope, and with it the audit row that was never saved. Changes are serialised, so two admins demoting
/// each other at once cannot both pass the last-admin check on this node.
/// </remarks>
public sealed partial class UserAdministration(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>The audit action of a successful password sign-in (see the sign-in checks); the latest is "last sign-in".</summary>
    public const string SignInAction = "user.sign-in";

    public const string EntityType = "user";

    private readonly SemaphoreSlim _changes = new(1, 1);

    public async Task<UserChange> CreateAsync(NewUser request, Actor actor, CancellationToken cancellationToken = default) =>
        await ChangeAsync(null, actor, async (change, _) =>
        {
            var errors = request.Validate(change.Users.Options.User.AllowedUserNameCharacters);
            if (errors.Count > 0)
            {
                return UserChange.Invalid(errors);
            }
            var userName = request.UserName!.Trim();
            if (await change.Users.FindByNameAsync(userName) is not null)
            {
                return new UserChange(UserChangeStatus.Conflict, Message: $"A user '{userName}' exists already.",
                    Errors: new Dictionary<string, string[]> { ["userName"] = [$"A user '{userName}' exists already."] });
            }
            var roles = NewUser.CanonicalRoles(request.Roles!);
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
                MustChangePassword = true,
                CreatedAt = change.Now,
            };
            var password = GeneratePassword(change.Users);
            change.Audit("user.create", userName, $"display name {user.DisplayName ?? "(none)"}, roles {string.Join(", ", roles)}, password generated");
            return await change.CheckAsync(change.Users.CreateAsync(user, password))
                ?? await change.CheckAsync(change.Users.AddToRolesAsync(user, roles))
                ?? new UserChange(UserChangeStatus.Ok, Password: password, User: await change.SummaryAsync(user));
        }, cancellationToken);

    /// <summary>Replaces the user's roles; their open pages pick up the change within Auth:RevalidateInterval, their tokens at once.</summary>
    public Task<UserChange> SetRolesAsync(string? userName, IReadOnlyList<string>? roles, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, actor, async (change, user) =>
        {
            if (NewUser.RolesError(roles) is { } error)
            {
                return UserChange.Invalid("roles", error);
            }
            var wanted = NewUser.CanonicalRoles(roles!);
            var current = NewUser.CanonicalRoles(await change.Users.GetRolesAsync(user));
            if (wanted.SequenceEqual(current))
            {
                return null;
            }
            if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastEnabledAdminAsync(change.Users, user))
            {
                return UserChange.LastAdmin(user.UserName!, "removing their Admin role");
            }
            change.Audit("user.roles", user.UserName!, $"roles {Describe(current)} → {Describe(wanted)}");
            return await change.CheckAsync(change.Users.RemoveFromRolesAsync(user, current.Except(wanted)))
                ?? await change.CheckAsync(change.Users.AddToRolesAsync(user, wanted.Except(current)))
                ?? await change.CheckAsync(change.Users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    /// <summary>Shuts the user out: no sign-in; open pages sign out within Auth:RevalidateInterval; API tokens stop working.</summary>
    public Task<UserChange> DisableAsync(string? userName, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, actor, async (change, user) =>
        {
            if (user.IsDisabled)
            {
                return null;
            }
            if (await IsLastEnabledAdminAsync(change.Users, user))
            {
                return UserChange.LastAdmin(user.UserName!, "disabling them");
            }
            user.IsDisabled = true;
            change.Audit("user.disable", user.UserName!, "disabled: sign-in, open pages and API tokens refused");
            // A new security stamp makes every open page of theirs fail its next revalidation.
            return await change.CheckAsync(change.Users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    public Task<UserChange> EnableAsync(string? userName, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, actor, async (change, user) =>
        {
            if (!user.IsDisabled)
            {
                return null;
            }
            user.IsDisabled = false;
            change.Audit("user.enable", user.UserName!, "enabled");
            return await change.CheckAsync(change.Users.UpdateAsync(user));
        }, cancellationToken);

    /// <summary>A new generated password (in <see cref="UserChange.Password"/>, shown once) to be changed at next sign-in; also unlocks.</summary>
    public Task<UserChange> ResetPasswordAsync(string? userName, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, actor, async (change, user) =>
        {
            if (user.ExternalProvider is { } provider)
            {
                return UserChange.Invalid("password", $"{user.UserName} signs in through {provider} and has no password here to reset.");
            }
            var password = GeneratePassword(change.Users);
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            change.Audit("user.reset-password", user.UserName!, "password reset to a generated one, to be changed at next sign-in; unlocked");
            // Removing the password also renews the security stamp: the user's open pages sign out.
            return await change.CheckAsync(change.Users.RemovePasswordAsync(user))
                ?? await change.CheckAsync(change.Users.AddPasswordAsync(user, password))
                ?? new UserChange(UserChangeStatus.Ok, Password: password, User: await change.SummaryAsync(user));
        }, cancellationToken);

    /// <summary>Lifts a lockout after failed sign-ins (and forgets the failures).</summary>
    public Task<UserChange> UnlockAsync(string? userName, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, actor, async (change, user) =>
        {
            var lockedUntil = user.LockoutEnd is { } end && end > change.Now ? end : (DateTimeOffset?)null;
            if (lockedUntil is null && user.AccessFailedCount == 0)
            {
                return null;
            }
            change.Audit("user.unlock", user.UserName!,
                lockedUntil is { } until ? $"was locked until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : $"forgot {user.AccessFailedCount} failed sign-in(s)");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return await change.CheckAsync(change.Users.UpdateAsync(user));
        }, cancellationToken);

    /// <summary>
    /// Runs one change in its own scope and transaction. <paramref name="change"/> returns null when it succeeded (or had
    /// nothing to do), a result to return as is otherwise; only an <see cref="UserChangeStatus.Ok"/> result commits.
    /// </summary>
    private async Task<UserChange> ChangeAsync(string? userName, Actor actor, Func<Change, AppUser, Task<UserChange?>> change, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DigitalTwinDbContext>();
            AppUser? user = null;
            if (userName is not null && (user = await users.FindByNameAsync(userName.Trim())) is null)
            {
                return UserChange.NotFound(userName);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var context = new Change(users, db, actor, time.GetUtcNow(), cancellationToken);
            var result = await change(context, user!) ?? new UserChange(UserChangeStatus.Ok, User: await context.SummaryAsync(user!));
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        finally
        {
            _changes.Release();
        }
    }

    private static async Task<bool> IsLastEnabledAdminAsync(UserManager<AppUser> users, AppUser user)
    {
        if (user.IsDisabled || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    /// <summary>A generated password at least as long as the password rules ask (20 characters unless they ask more).</summary>
    private static string GeneratePassword(UserManager<AppUser> users)
    {
        var password = FirstRunAdmin.GeneratePassword();
        while (password.Length < users.Options.Password.RequiredLength)
        {
            password += FirstRunAdmin.GeneratePassword();
        }
        return password;
    }

    private static string Describe(IReadOnlyList<string> roles) => roles.Count == 0 ? "(none)" : string.Join(", ", roles);

    /// <summary>One change in progress: its UserManager, the DbContext it saves through, who acts, and when.</summary>
    private sealed record Change(UserManager<AppUser> Users, DigitalTwinDbContext Db, Actor Actor, DateTimeOffset Now, CancellationToken CancellationToken)
    {
        /// <summary>Adds the audit row to the context UserManager saves through: its next SaveChanges writes both.</summary>
        public void Audit(string action, string userName, string summary) =>
            Db.AuditLog.Add(AuditEntry.Of(Actor, Now, action, EntityType, userName, summary));

        /// <summary>Null when Identity succeeded; otherwise the refusal, with each error under the field it is about.</summary>
        public async Task<UserChange?> CheckAsync(Task<IdentityResult> operation)
        {
            var result = await operation;
            if (result.Succeeded)
            {
                return null;
            }
            return UserChange.Invalid(result.Errors
                .GroupBy(e => FieldOf(e.Code))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        public Task<UserSummary> SummaryAsync(AppUser user) => SummaryOfAsync(Db, user, Now, CancellationToken);

        private static string FieldOf(string code) =>
            code.Contains("UserName", StringComparison.Ordinal) ? "userName"
            : code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : code.Contains("Role", StringComparison.Ordinal) ? "roles"
            : "user";
    }
}
