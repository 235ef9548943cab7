using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Silences: stored in one table only (with their audit rows), then handed to the engine, which suppresses
/// notifications with them and tells a rule's "silenced until" when asked.
/// </summary>
public sealed class AlertSilenceService(IDbContextFactory<DigitalTwinDbContext> dbFactory, IAlertEngine engine, TimeProvider time)
{
    public async Task<IReadOnlyList<AlertSilence>> ListSilencesAsync(bool includeExpired = false, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var silences = db.AlertSilences.AsNoTracking();
        if (!includeExpired)
        {
            silences = silences.Where(s => s.Until > now);
        }
        return await silences.OrderBy(s => s.Until).ToListAsync(cancellationToken);
    }

    /// <summary>Suppresses notifications for a rule, a device, or that rule on that device, for a period.</summary>
    public async Task<SilenceResult> SilenceAsync(SilenceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var errors = SilenceValidation.Validate(draft, now);
        if (errors.Count > 0)
        {
            return new SilenceResult(AlertResultStatus.Invalid, Errors: errors);
        }
        var silence = new AlertSilence
        {
            RuleId = draft.RuleId,
            DeviceId = draft.DeviceId?.Trim(),
            Until = draft.Until ?? now + draft.For!.Value,
            By = AlertAudit.By(actor),
            Reason = draft.Reason?.Trim(),
            CreatedAt = now,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (silence.RuleId is { } ruleId && !await db.AlertRules.AnyAsync(r => r.Id == ruleId, cancellationToken))
            {
                return new SilenceResult(AlertResultStatus.NotFound);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AlertSilences.Add(silence);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditLog.Add(AuditEntry.Of(actor, now, "alert.silence", AlertAudit.Silence, AuditSummary.Id(silence.Id), AlertAudit.Describe(silence)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await engine.AddSilenceAsync(silence);
        return new SilenceResult(AlertResultStatus.Ok, silence);
    }

    public async Task<bool> UnsilenceAsync(long silenceId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var silence = await db.AlertSilences.SingleOrDefaultAsync(s => s.Id == silenceId, cancellationToken);
            if (silence is null)
            {
                return false;
            }
            db.AlertSilences.Remove(silence);
            db.AuditLog.Add(AuditEntry.Of(actor, time.GetUtcNow(), "alert.unsilence", AlertAudit.Silence, AuditSummary.Id(silenceId), AlertAudit.Describe(silence)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await engine.RemoveSilenceAsync(silenceId);
        return true;
    }
}
