using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Audit;

/// <summary>
/// Records events that change nothing else (sign-in success and failure, lockout). A change to data writes its
/// <see cref="AuditEntry"/> into the same DbContext as the change, so both commit together.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<DigitalTwinDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordAsync(Actor actor, string action, string entityType, string? entityId, string? summary = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(AuditEntry.Of(actor, time.GetUtcNow(), action, entityType, entityId, summary));
        await db.SaveChangesAsync(cancellationToken);
    }
}
