using System.Security.Claims;
using System.Text;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

/// <summary>What a single sign-on came to: the local user to sign in, or the sign-in page's error code.</summary>
public sealed record SingleSignOnOutcome(AppUser? User, string? Error);

/// <summary>
/// Turns an identity from the OpenID provider into a local user: linked through Identity's external logins (never
/// matched to a local account by name), created on first sign-in, with its roles taken from the provider's role claim
/// on every sign-in. The user, its roles and their audit rows commit in one transaction.
/// </summary>
public sealed class SingleSignOnUsers(
    UserManager<AppUser> users, DigitalTwinDbContext db, TimeProvider time, IOptions<OidcOptions> options, ILogger<SingleSignOnUsers> logger)
{
    private const int MaxUserNameLength = 64;
    private const int MaxDisplayNameLength = 200;

    public async Task<SingleSignOnOutcome> SignInAsync(ClaimsPrincipal external, string? address, CancellationToken cancellationToken)
    {
        var subject = external.FindFirstValue("sub");
        if (string.IsNullOrWhiteSpace(subject))
        {
            logger.LogWarning("Single sign-on: the provider's identity has no 'sub' claim.");
            return new SingleSignOnOutcome(null, SingleSignOnErrors.Failed);
        }
        var granted = GrantedRoles(external, options.Value.RoleClaim);
        // Identity's stores save through this same context, so the user, its login, its roles and the audit rows commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByLoginAsync(SingleSignOnExtensions.ProviderName, subject);
        string? error = null;
        if (user is null && granted.Count == 0)
        {
            Audit(new Actor(NameClaim(external) ?? subject, ActorKind.Anonymous, address), "user.sign-in-failed", NameClaim(external) ?? subject,
                "single sign-on: the provider granted none of the known roles; no user created");
            error = SingleSignOnErrors.NoRole;
        }
        else if (user is null)
        {
            user = await CreateAsync(external, subject, granted, address);
        }
        else if (user.IsDisabled)
        {
            Audit(ActorOf(user, address), "user.sign-in-failed", user.UserName, "single sign-on: Disabled");
            error = SingleSignOnErrors.Disabled;
        }
        else
        {
            // The provider is the source of truth for an SSO user's roles, also when it now grants none.
            await SyncRolesAsync(user, granted, address);
            if (granted.Count == 0)
            {
                Audit(ActorOf(user, address), "user.sign-in-failed", user.UserName, "single sign-on: the provider granted none of the known roles");
                error = SingleSignOnErrors.NoRole;
            }
        }
        if (error is null)
        {
            Audit(ActorOf(user!, address), "user.sign-in", user!.UserName, $"single sign-on ({options.Value.DisplayName}), roles {Describe(granted)}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SingleSignOnOutcome(error is null ? user : null, error);
    }

    /// <summary>The known roles named by the role claim (any case); unknown names are ignored.</summary>
    public static IReadOnlyList<string> GrantedRoles(ClaimsPrincipal external, string roleClaim) =>
        [.. external.FindAll(roleClaim).Select(c => Roles.Normalize(c.Value)).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    private async Task<AppUser> CreateAsync(ClaimsPrincipal external, string subject, IReadOnlyList<string> roles, string? address)
    {
        var userName = await UniqueUserNameAsync(NameClaim(external) ?? subject);
        var displayName = external.FindFirstValue("name");
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) || SafeText.Problem(displayName) is not null
                ? userName
                : displayName.Trim()[..Math.Min(displayName.Trim().Length, MaxDisplayNameLength)],
            ExternalProvider = SingleSignOnExtensions.ProviderName,
            CreatedAt = time.GetUtcNow(),
        };
        // No password: an SSO user signs in only through the provider.
        Check(await users.CreateAsync(user), $"create the SSO user '{userName}'");
        Check(await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnExtensions.ProviderName, subject, options.Value.DisplayName)), "link the SSO login");
        Check(await users.AddToRolesAsync(user, roles), "give the SSO user its roles");
        Audit(ActorOf(user, address), "user.create", userName,
            $"created by single sign-on ({options.Value.DisplayName}), subject {subject}, display name {user.DisplayName}, roles {Describe(roles)}");
        return user;
    }

    private async Task SyncRolesAsync(AppUser user, IReadOnlyList<string> granted, string? address)
    {
        var current = (await users.GetRolesAsync(user)).Where(Roles.IsKnown).Order(StringComparer.Ordinal).ToList();
        if (current.SequenceEqual(granted, StringComparer.Ordinal))
        {
            return;
        }
        Check(await users.RemoveFromRolesAsync(user, current.Except(granted)), "remove roles the provider no longer grants");
        Check(await users.AddToRolesAsync(user, granted.Except(current)), "add roles the provider grants");
        // A new stamp makes the user's open sessions re-read their roles at the next revalidation.
        Check(await users.UpdateSecurityStampAsync(user), "renew the security stamp");
        Audit(ActorOf(user, address), "user.roles", user.UserName, $"roles {Describe(current)} → {Describe(granted)} (from single sign-on)");
    }

    /// <summary>The provider's user name made a valid, unused local one: "alice", or "alice-2" when a local alice exists.</summary>
    private async Task<string> UniqueUserNameAsync(string wanted)
    {
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var cleaned = new StringBuilder();
        foreach (var c in wanted.Trim())
        {
            cleaned.Append(string.IsNullOrEmpty(allowed) || allowed.Contains(c, StringComparison.Ordinal) ? c : '-');
        }
        var stem = cleaned.ToString().Trim('-');
        stem = stem.Length == 0 ? "sso-user" : stem[..Math.Min(stem.Length, MaxUserNameLength - 8)];
        var candidate = stem;
        for (var n = 2; await users.FindByNameAsync(candidate) is not null; n++)
        {
            candidate = $"{stem}-{n}";
        }
        return candidate;
    }

    /// <summary>The provider's user name, else its e-mail address; cut to a length the audit trail holds.</summary>
    private static string? NameClaim(ClaimsPrincipal external) =>
        new[] { external.FindFirstValue("preferred_username"), external.FindFirstValue("email") }
            .Where(v => !string.IsNullOrWhiteSpace(v) && SafeText.Problem(v) is null)
            .Select(v => v!.Trim()[..Math.Min(v.Trim().Length, MaxUserNameLength)])
            .FirstOrDefault();

    private static Actor ActorOf(AppUser user, string? address) => new(user.UserName!, ActorKind.User, address, user.Id);

    private void Audit(Actor actor, string action, string? entityId, string summary) =>
        db.AuditLog.Add(AuditEntry.Of(actor, time.GetUtcNow(), action, "user", entityId, summary));

    private static string Describe(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "(none)";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
