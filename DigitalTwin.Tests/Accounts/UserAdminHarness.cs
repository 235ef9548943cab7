using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Accounts;

/// <summary>The app's own user administration and what its database holds, for tests on a real app.</summary>
public static class UserAdminHarness
{
    public static readonly Actor AdminActor = new(DigitalTwinAppFactory.AdminUserName, ActorKind.User, "127.0.0.1");

    public static UserAdministration Users(this DigitalTwinAppFactory app) => app.Services.GetRequiredService<UserAdministration>();

    /// <summary>Audit rows about one user with one action.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(this DigitalTwinAppFactory app, string userName, string action)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking()
            .Where(e => e.EntityType == "user" && e.EntityId == userName && e.Action == action)
            .ToListAsync();
    }

    public static async Task<int> AuditCountAsync(this DigitalTwinAppFactory app) =>
        await WithDbAsync(app, db => db.AuditLog.CountAsync());

    /// <summary>The user as Identity stores it now (a fresh scope, nothing cached).</summary>
    public static async Task<(AppUser User, IList<string> Roles)> StoredAsync(this DigitalTwinAppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return (user, await users.GetRolesAsync(user));
    }

    public static async Task<bool> PasswordWorksAsync(this DigitalTwinAppFactory app, string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return await users.CheckPasswordAsync(user, password);
    }

    private static async Task<T> WithDbAsync<T>(DigitalTwinAppFactory app, Func<DigitalTwinDbContext, Task<T>> query)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }
}
