using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Core.Accounts;

public sealed partial class UserAdministration
{
    /// <summary>Every user with roles, state and last sign-in, by user name: three queries whatever the number of users.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigitalTwinDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = (await RolesQuery(db).ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => r.Role);
        var lastSignIns = await LastSignInsQuery(db)
            .GroupBy(e => e.EntityId!)
            .Select(g => new { UserName = g.Key, At = g.Max(e => e.At) })
            .ToDictionaryAsync(s => s.UserName, s => s.At, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        return [.. users.Select(u => UserSummary.From(u, [.. roles[u.Id]], lastSignIns.TryGetValue(u.UserName!, out var at) ? at : null, now))];
    }

    /// <summary>One user, or null.</summary>
    public async Task<UserSummary?> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigitalTwinDbContext>();
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        return user is null ? null : await SummaryOfAsync(db, user, time.GetUtcNow(), cancellationToken);
    }

    private static async Task<UserSummary> SummaryOfAsync(DigitalTwinDbContext db, AppUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roles = await RolesQuery(db).Where(r => r.UserId == user.Id).Select(r => r.Role).ToListAsync(cancellationToken);
        var lastSignIn = await LastSignInsQuery(db).Where(e => e.EntityId == user.UserName)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(cancellationToken);
        return UserSummary.From(user, roles, lastSignIn, now);
    }

    private static IQueryable<UserRoleRow> RolesQuery(DigitalTwinDbContext db) =>
        db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new UserRoleRow { UserId = ur.UserId, Role = r.Name! });

    private static IQueryable<Audit.AuditEntry> LastSignInsQuery(DigitalTwinDbContext db) =>
        db.AuditLog.AsNoTracking().Where(e => e.Action == SignInAction && e.EntityType == EntityType && e.EntityId != null);

    /// <remarks>Member-initialised (not a positional record) so that EF Core can filter on its properties.</remarks>
    private sealed class UserRoleRow
    {
        public required string UserId { get; init; }

        public required string Role { get; init; }
    }
}
