using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Alert rules: list, validate, save, delete. A change commits with its audit row, then goes to the engine, so it
/// applies at once. A rule's <see cref="AlertRule.SilencedUntil"/> is computed from the silences in force when read.
/// </summary>
public sealed class AlertRuleService(IDbContextFactory<DigitalTwinDbContext> dbFactory, IAlertEngine engine, TimeProvider time)
{
    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        rules.ForEach(r => WithSilence(r));
        return rules;
    }

    public async Task<AlertRule?> GetRuleAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return WithSilence(await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken));
    }

    /// <summary>The rule as the engine applies it, from memory: for live views that must not query per alert change.</summary>
    public AlertRule? Applied(long id) => engine.Rule(id);

    /// <summary>Field (camelCase) to messages; empty when valid. The same checks as save, for a dialog to show as you type.</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateRule(AlertRuleDraft draft) => draft.Validate();

    public async Task<AlertRuleResult> CreateRuleAsync(AlertRuleDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return new AlertRuleResult(AlertResultStatus.Invalid, Errors: errors);
        }
        var now = time.GetUtcNow();
        var rule = new AlertRule { Name = "", Target = "", CreatedAt = now, UpdatedAt = now };
        draft.ApplyTo(rule);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The rule's id is the audit row's entity id: both inserts in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AlertRules.Add(rule);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditLog.Add(AuditEntry.Of(actor, now, "alert-rule.create", AlertAudit.Rule, AuditSummary.Id(rule.Id), AuditSummary.Fields(AlertAudit.Snapshot(rule))));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await engine.ApplyRuleAsync(rule, cancellationToken);
        return new AlertRuleResult(AlertResultStatus.Ok, WithSilence(rule));
    }

    public async Task<AlertRuleResult> UpdateRuleAsync(long id, AlertRuleDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return new AlertRuleResult(AlertResultStatus.Invalid, Errors: errors);
        }
        AlertRule? rule;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            rule = await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (rule is null)
            {
                return new AlertRuleResult(AlertResultStatus.NotFound);
            }
            var before = AlertAudit.Snapshot(rule);
            draft.ApplyTo(rule);
            rule.UpdatedAt = time.GetUtcNow();
            if (AuditSummary.Changes(before, AlertAudit.Snapshot(rule)) is { Length: > 0 } changes)
            {
                db.AuditLog.Add(AuditEntry.Of(actor, rule.UpdatedAt, "alert-rule.update", AlertAudit.Rule, AuditSummary.Id(id), changes));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await engine.ApplyRuleAsync(rule, cancellationToken);
        return new AlertRuleResult(AlertResultStatus.Ok, WithSilence(rule));
    }

    /// <summary>Deletes the rule; its open alerts are cleared (reason "rule deleted"), its alert history is kept.</summary>
    public async Task<bool> DeleteRuleAsync(long id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rule = await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (rule is null || await db.AlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }
            db.AuditLog.Add(AuditEntry.Of(actor, time.GetUtcNow(), "alert-rule.delete", AlertAudit.Rule, AuditSummary.Id(id), AuditSummary.Fields(AlertAudit.Snapshot(rule))));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await engine.RemoveRuleAsync(id, cancellationToken);
        return true;
    }

    private AlertRule? WithSilence(AlertRule? rule)
    {
        if (rule is not null)
        {
            rule.SilencedUntil = engine.SilencedUntil(rule.Id, time.GetUtcNow());
        }
        return rule;
    }
}
