using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>Users and tokens made straight through the app's own Identity and token services (no rate limit, no UI).</summary>
public static class TestUsers
{
    public const string Password = "test-user-password";

    public static async Task<AppUser> CreateAsync(IServiceProvider services, string userName, string password, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        return user;
    }

    /// <summary>A new API token of the user, optionally narrowed to one role.</summary>
    public static async Task<string> TokenAsync(IServiceProvider services, string userName, string? role = null)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        var result = await services.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, new TokenRequest("tests", 1, role), Actor.System);
        Assert.True(result.Issued is not null, string.Join(" ", result.Errors?.SelectMany(e => e.Value) ?? []));
        return result.Issued!.Secret;
    }
}
