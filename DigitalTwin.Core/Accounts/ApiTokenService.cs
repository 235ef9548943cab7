using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Accounts;

/// <summary>Creates, checks, lists and revokes personal API tokens; every change is audited in its own transaction.</summary>
public sealed class ApiTokenService(IDbContextFactory<DigitalTwinDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Last-used times are written at most this often per token, so API calls do not each cost a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<TokenResult> CreateAsync(string userId, TokenRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await RolesOfAsync(db, userId, cancellationToken);
        var errors = request.Validate(roles);
        if (errors.Count > 0)
        {
            return new TokenResult(null, errors);
        }
        var now = time.GetUtcNow();
        var secret = TokenSecret.Generate();
        var token = new ApiToken
        {
            UserId = userId,
            Name = request.Name!.Trim(),
            Prefix = secret[..TokenSecret.ShownLength],
            Hash = TokenSecret.Hash(secret),
            Role = Roles.Normalize(request.Role),
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays ?? TokenRequest.DefaultDays),
        };
        db.ApiTokens.Add(token);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync(cancellationToken);
        db.AuditLog.Add(AuditEntry.Of(actor, now, "token.create", "token", null,
            $"{token.Name} for {owner}, role {token.Role ?? "all of the user's"}, expires {token.ExpiresAt:yyyy-MM-dd}"));
        await db.SaveChangesAsync(cancellationToken);
        return new TokenResult(new IssuedToken(token, secret));
    }

    /// <summary>The identity behind a token, or null when it is unknown, expired, revoked or its user is disabled.</summary>
    public async Task<TokenIdentity?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!TokenSecret.LooksLikeToken(secret))
        {
            return null;
        }
        var hash = TokenSecret.Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName, u.IsDisabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.IsDisabled || found.Token.RevokedAt is not null || found.Token.ExpiresAt <= now)
        {
            return null;
        }
        var token = found.Token;
        var roles = await RolesOfAsync(db, token.UserId, cancellationToken);
        if (token.Role is { } narrowed)
        {
            roles = roles.Contains(narrowed) || narrowed == Roles.Viewer && roles.Count > 0 ? [narrowed] : [];
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return new TokenIdentity(token.UserId, found.UserName!, token.Id, token.Name, roles);
    }

    /// <summary>Tokens of one user (or of everyone when <paramref name="userId"/> is null), newest first.</summary>
    public async Task<IReadOnlyList<TokenListItem>> ListAsync(string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = db.ApiTokens.AsNoTracking().Where(t => userId == null || t.UserId == userId);
        var rows = await tokens.Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Token.CreatedAt)
            .Select(r => TokenListItem.From(r.Token, r.UserName!, time.GetUtcNow()))
            .ToList();
    }

    /// <summary>Revokes a token; <paramref name="ownerId"/> limits it to that user's tokens (null: any user's, for admins).</summary>
    public async Task<bool> RevokeAsync(long tokenId, string? ownerId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), cancellationToken);
        if (token is null)
        {
            return false;
        }
        if (token.RevokedAt is null)
        {
            var now = time.GetUtcNow();
            token.RevokedAt = now;
            db.AuditLog.Add(AuditEntry.Of(actor, now, "token.revoke", "token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Name));
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    private static async Task<IReadOnlyList<string>> RolesOfAsync(DigitalTwinDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
}
