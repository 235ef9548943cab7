using System.Security.Cryptography;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Accounts;

/// <summary>
/// Makes a fresh install usable with one command: the four roles exist, and on a database without users an admin
/// is created, with Auth:AdminPassword or else a random password printed once in the log, to be changed at first sign-in.
/// </summary>
public static class FirstRunAdmin
{
    public static async Task EnsureAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
        var users = provider.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var options = provider.GetRequiredService<IOptions<AccountOptions>>().Value;
        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? GeneratePassword() : options.AdminPassword!;
        var time = provider.GetRequiredService<TimeProvider>();
        var admin = new AppUser
        {
            UserName = options.AdminUserName,
            DisplayName = "Administrator",
            MustChangePassword = generated,
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(admin, password), $"create the first admin '{options.AdminUserName}' (is Auth:AdminPassword long enough?)");
        Check(await users.AddToRolesAsync(admin, Roles.All), "give the first admin its roles");
        var db = provider.GetRequiredService<DigitalTwinDbContext>();
        db.AuditLog.Add(AuditEntry.Of(Actor.System, time.GetUtcNow(), "user.create", "user", admin.UserName,
            $"first-run admin, roles {string.Join(", ", Roles.All)}, password {(generated ? "generated" : "from Auth:AdminPassword")}"));
        await db.SaveChangesAsync(cancellationToken);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("DigitalTwin.Accounts");
        if (generated)
        {
            logger.LogWarning(
                "\n==================== FIRST RUN ====================\n" +
                "  Sign in as '{UserName}' with password: {Password}\n" +
                "  It is shown only this once; you will be asked to change it.\n" +
                "  (Set Auth__AdminPassword to choose it yourself.)\n" +
                "===================================================",
                admin.UserName, password);
        }
        else
        {
            logger.LogInformation("Created the first admin '{UserName}' with the password from Auth:AdminPassword.", admin.UserName);
        }
    }

    /// <summary>20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 115 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
