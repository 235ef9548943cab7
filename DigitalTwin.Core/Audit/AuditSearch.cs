using System.Runtime.CompilerServices;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Audit;

/// <summary>Reads the audit trail (the app only ever adds to it): a page for the screen and the API, or every match for an export.</summary>
public sealed class AuditSearch(IDbContextFactory<DigitalTwinDbContext> dbFactory)
{
    public async Task<AuditPage> PageAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matches = Filter(db, query);
        var total = await matches.CountAsync(cancellationToken);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var items = await Newest(matches).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new AuditPage(total, offset, limit, items);
    }

    /// <summary>The actions and entity types recorded so far, for the page's filter choices.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actions = await db.AuditLog.Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        var types = await db.AuditLog.Select(e => e.EntityType).Distinct().ToListAsync(cancellationToken);
        return ([.. actions.Order(StringComparer.Ordinal)], [.. types.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every match, newest first, streamed (an export of a year does not sit in memory).</summary>
    public async IAsyncEnumerable<AuditEntry> AllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var entry in Newest(Filter(db, query)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return entry;
        }
    }

    private static IOrderedQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private static IQueryable<AuditEntry> Filter(DigitalTwinDbContext db, AuditQuery query)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (query.User is { } user)
        {
            var asToken = user + " (token ";
            entries = entries.Where(e => e.Actor == user || e.Actor.StartsWith(asToken));
        }
        if (query.Action is { } action)
        {
            var family = action + ".";
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(family));
        }
        if (query.EntityType is { } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }
        if (query.EntityId is { } id)
        {
            entries = entries.Where(e => e.EntityId == id);
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }
        return entries;
    }
}
