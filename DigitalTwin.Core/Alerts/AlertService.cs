using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// What the UI and the API call: rules (list, validate, save, delete), alerts (query, details, acknowledge, clear),
/// silences, deliveries. Rule and silence changes are committed, then handed to the engine, so they apply at once.
/// Open alerts are read from the engine's memory (their last and peak values change with every reading), the rest
/// from the database. Every change commits with its audit row; acknowledging or clearing an open alert goes through
/// the engine and <see cref="AlertWriter"/>, which commits the alert, its history entry and the audit row together.
/// </summary>
public sealed class AlertService(
    IDbContextFactory<DigitalTwinDbContext> dbFactory, AlertEngine engine, IAlertFeed feed, TimeProvider time)
{
    /// <summary>Active alerts nobody has acknowledged yet (the bell); pending ones are not counted.</summary>
    public int UnacknowledgedCount => engine.UnacknowledgedCount;

    /// <summary>Every alert transition, as it happens (see <see cref="IAlertFeed"/>).</summary>
    public IDisposable Subscribe(Action<AlertChange> onChange) => feed.Subscribe(onChange);

    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<AlertRule?> GetRuleAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

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
        return new AlertRuleResult(AlertResultStatus.Ok, rule);
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
        return new AlertRuleResult(AlertResultStatus.Ok, rule);
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

    /// <summary>Alerts matching the filters, newest first.</summary>
    public async Task<IReadOnlyList<Alert>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alerts = db.Alerts.AsNoTracking();
        if (query.OpenOnly)
        {
            alerts = alerts.Where(a => a.State != AlertState.Cleared);
        }
        if (query.State is { } state)
        {
            alerts = alerts.Where(a => a.State == state);
        }
        if (query.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }
        if (query.DeviceId is { } deviceId)
        {
            alerts = alerts.Where(a => a.DeviceId == deviceId);
        }
        if (query.RuleId is { } ruleId)
        {
            alerts = alerts.Where(a => a.RuleId == ruleId);
        }
        if (query.Acknowledged is { } acknowledged)
        {
            alerts = alerts.Where(a => a.Acknowledged == acknowledged);
        }
        if (query.To is { } to)
        {
            alerts = alerts.Where(a => a.PendingSince <= to);
        }
        if (query.From is { } from)
        {
            alerts = alerts.Where(a => a.ClearedAt == null || a.ClearedAt >= from);
        }
        var limit = Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit);
        var found = await alerts.OrderByDescending(a => a.PendingSince).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. found.Select(engine.Current)];
    }

    /// <summary>A device's alerts whose lifetime overlaps [from, to], oldest first: the chart markers.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsOfDeviceAsync(string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var alerts = await QueryAlertsAsync(new AlertQuery(DeviceId: deviceId, From: from, To: to, Limit: AlertQuery.MaxLimit), cancellationToken);
        return [.. alerts.Where(a => a.State != AlertState.Pending).Reverse()];
    }

    public async Task<AlertDetails?> GetAlertAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // History first: a transition commits the alert's state with its history entry, so the alert read after its
        // history is at least as new as the last entry.
        var history = await db.AlertHistory.AsNoTracking().Where(h => h.AlertId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var deliveries = await DeliveriesAsync(db, id, cancellationToken);
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? engine.Find(id);
        return alert is null ? null : new AlertDetails(engine.Current(alert), history, deliveries);
    }

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(long alertId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DeliveriesAsync(db, alertId, cancellationToken);
    }

    /// <summary>
    /// Acknowledges an open or cleared alert as <paramref name="actor"/>, with an optional comment; acknowledging twice
    /// keeps the first (and records only the first).
    /// </summary>
    /// <remarks>An open alert's acknowledgement returns once the writer has committed it with its audit row.</remarks>
    public async Task<AlertActionResult> AcknowledgeAsync(long id, Actor actor, string? comment, CancellationToken cancellationToken = default)
    {
        if (Invalid(comment) is { } invalid)
        {
            return invalid;
        }
        if (await engine.AcknowledgeAsync(id, actor, comment?.Trim(), cancellationToken) is { } open)
        {
            await open.Committed.WaitAsync(cancellationToken);
            return new AlertActionResult(AlertResultStatus.Ok, open.Alert);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return new AlertActionResult(AlertResultStatus.NotFound);
        }
        if (!alert.Acknowledged)
        {
            var now = time.GetUtcNow();
            alert.Acknowledged = true;
            alert.AcknowledgedBy = AlertAudit.By(actor);
            alert.AcknowledgedAt = now;
            alert.AcknowledgeComment = comment?.Trim();
            db.AlertHistory.Add(new AlertHistoryEntry
            {
                AlertId = id, At = now, Transition = AlertTransition.Acknowledged, State = alert.State, By = alert.AcknowledgedBy, Detail = alert.AcknowledgeComment,
            });
            db.AuditLog.Add(AuditEntry.Of(actor, now, "alert.acknowledge", AlertAudit.Alert, AuditSummary.Id(id), AlertAudit.Describe(alert, alert.AcknowledgeComment)));
            await db.SaveChangesAsync(cancellationToken);
            feed.Publish(new AlertChange(AlertTransition.Acknowledged, alert.Copy(), now, engine.UnacknowledgedCount, alert.AcknowledgedBy));
        }
        return new AlertActionResult(AlertResultStatus.Ok, alert);
    }

    /// <summary>Clears an open alert by hand; if its condition still holds, the next reading opens a new one.</summary>
    public async Task<AlertActionResult> ClearAsync(long id, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        if (Invalid(reason, "reason", ClearReasonLength) is { } invalid)
        {
            return invalid;
        }
        if (await engine.ClearAsync(id, actor, reason?.Trim(), cancellationToken) is { } cleared)
        {
            await cleared.Committed.WaitAsync(cancellationToken);
            return new AlertActionResult(AlertResultStatus.Ok, cleared.Alert);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } alert
            ? new AlertActionResult(AlertResultStatus.Conflict, alert, $"Alert {id} is already cleared.")
            : new AlertActionResult(AlertResultStatus.NotFound);
    }

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
        AlertRule? silencedRule;
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
            silencedRule = await SyncRuleSilenceAsync(db, silence.RuleId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await ApplyAsync(silencedRule, cancellationToken);
        await ReloadSilencesAsync(cancellationToken);
        return new SilenceResult(AlertResultStatus.Ok, silence);
    }

    public async Task<bool> UnsilenceAsync(long silenceId, Actor actor, CancellationToken cancellationToken = default)
    {
        AlertRule? silencedRule;
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
            silencedRule = await SyncRuleSilenceAsync(db, silence.RuleId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await ApplyAsync(silencedRule, cancellationToken);
        await ReloadSilencesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Keeps <see cref="AlertRule.SilencedUntil"/> in step with the rule-wide silences (shown with the rule), in the
    /// caller's transaction; the rule to hand to the engine once that commits.
    /// </summary>
    private async Task<AlertRule?> SyncRuleSilenceAsync(DigitalTwinDbContext db, long? ruleId, CancellationToken cancellationToken)
    {
        if (ruleId is not { } id)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var until = await db.AlertSilences.Where(s => s.RuleId == id && s.DeviceId == null && s.Until > now)
            .Select(s => (DateTimeOffset?)s.Until).MaxAsync(cancellationToken);
        if (await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } rule)
        {
            return null;
        }
        rule.SilencedUntil = until;
        await db.SaveChangesAsync(cancellationToken);
        return rule;
    }

    private async Task ApplyAsync(AlertRule? rule, CancellationToken cancellationToken)
    {
        if (rule is not null)
        {
            await engine.ApplyRuleAsync(rule, cancellationToken);
        }
    }

    private async Task ReloadSilencesAsync(CancellationToken cancellationToken) =>
        engine.SetSilences(await ListSilencesAsync(includeExpired: false, cancellationToken));

    private static Task<List<NotificationDelivery>> DeliveriesAsync(DigitalTwinDbContext db, long alertId, CancellationToken cancellationToken) =>
        db.AlertDeliveries.AsNoTracking().Where(d => d.AlertId == alertId).OrderBy(d => d.At).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    private const int CommentLength = 2000;
    private const int ClearReasonLength = 500;

    private static AlertActionResult? Invalid(string? text, string field = "comment", int maxLength = CommentLength)
    {
        var error = text is { } value && value.Trim().Length > maxLength
            ? $"'{field}' may have at most {maxLength} characters."
            : SafeText.FieldError(field, text, multiline: true);
        return error is null
            ? null
            : new AlertActionResult(AlertResultStatus.Invalid, Detail: error, Errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] });
    }
}
