using DigitalTwin.Core.Data;
using DigitalTwin.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// What the UI and the API call: rules (list, validate, save, delete), alerts (query, details, acknowledge, clear),
/// silences, deliveries. Rule and silence changes are committed, then handed to the engine, so they apply at once.
/// Open alerts are read from the engine's memory (their last and peak values change with every reading), the rest
/// from the database.
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

    public async Task<AlertRuleResult> CreateRuleAsync(AlertRuleDraft draft, CancellationToken cancellationToken = default)
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
            db.AlertRules.Add(rule);
            await db.SaveChangesAsync(cancellationToken);
        }
        await engine.ApplyRuleAsync(rule, cancellationToken);
        return new AlertRuleResult(AlertResultStatus.Ok, rule);
    }

    public async Task<AlertRuleResult> UpdateRuleAsync(long id, AlertRuleDraft draft, CancellationToken cancellationToken = default)
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
            draft.ApplyTo(rule);
            rule.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        await engine.ApplyRuleAsync(rule, cancellationToken);
        return new AlertRuleResult(AlertResultStatus.Ok, rule);
    }

    /// <summary>Deletes the rule; its open alerts are cleared (reason "rule deleted"), its alert history is kept.</summary>
    public async Task<bool> DeleteRuleAsync(long id, CancellationToken cancellationToken = default)
    {
        int deleted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            deleted = await db.AlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted > 0)
        {
            await engine.RemoveRuleAsync(id, cancellationToken);
        }
        return deleted > 0;
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

    /// <summary>Acknowledges an open or cleared alert (who, comment); acknowledging twice keeps the first.</summary>
    public async Task<AlertActionResult> AcknowledgeAsync(long id, string? by, string? comment, CancellationToken cancellationToken = default)
    {
        if (Invalid(by, comment) is { } invalid)
        {
            return invalid;
        }
        if (await engine.AcknowledgeAsync(id, by!.Trim(), comment?.Trim(), cancellationToken) is { } open)
        {
            return new AlertActionResult(AlertResultStatus.Ok, open);
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
            alert.AcknowledgedBy = by!.Trim();
            alert.AcknowledgedAt = now;
            alert.AcknowledgeComment = comment?.Trim();
            db.AlertHistory.Add(new AlertHistoryEntry
            {
                AlertId = id, At = now, Transition = AlertTransition.Acknowledged, State = alert.State, By = alert.AcknowledgedBy, Detail = alert.AcknowledgeComment,
            });
            await db.SaveChangesAsync(cancellationToken);
            feed.Publish(new AlertChange(AlertTransition.Acknowledged, alert.Copy(), now, engine.UnacknowledgedCount, alert.AcknowledgedBy));
        }
        return new AlertActionResult(AlertResultStatus.Ok, alert);
    }

    /// <summary>Clears an open alert by hand; if its condition still holds, the next reading opens a new one.</summary>
    public async Task<AlertActionResult> ClearAsync(long id, string? by, string? reason, CancellationToken cancellationToken = default)
    {
        if (Invalid(by, reason) is { } invalid)
        {
            return invalid;
        }
        if (await engine.ClearAsync(id, by!.Trim(), reason?.Trim(), cancellationToken) is { } cleared)
        {
            return new AlertActionResult(AlertResultStatus.Ok, cleared);
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
    public async Task<SilenceResult> SilenceAsync(SilenceDraft draft, CancellationToken cancellationToken = default)
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
            By = draft.By?.Trim(),
            Reason = draft.Reason?.Trim(),
            CreatedAt = now,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (silence.RuleId is { } ruleId && !await db.AlertRules.AnyAsync(r => r.Id == ruleId, cancellationToken))
            {
                return new SilenceResult(AlertResultStatus.NotFound);
            }
            db.AlertSilences.Add(silence);
            await db.SaveChangesAsync(cancellationToken);
            await SyncRuleSilenceAsync(db, silence.RuleId, cancellationToken);
        }
        await ReloadSilencesAsync(cancellationToken);
        return new SilenceResult(AlertResultStatus.Ok, silence);
    }

    public async Task<bool> UnsilenceAsync(long silenceId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var silence = await db.AlertSilences.SingleOrDefaultAsync(s => s.Id == silenceId, cancellationToken);
            if (silence is null)
            {
                return false;
            }
            db.AlertSilences.Remove(silence);
            await db.SaveChangesAsync(cancellationToken);
            await SyncRuleSilenceAsync(db, silence.RuleId, cancellationToken);
        }
        await ReloadSilencesAsync(cancellationToken);
        return true;
    }

    /// <summary>Keeps <see cref="AlertRule.SilencedUntil"/> in step with the rule-wide silences (shown with the rule).</summary>
    private async Task SyncRuleSilenceAsync(DigitalTwinDbContext db, long? ruleId, CancellationToken cancellationToken)
    {
        if (ruleId is not { } id)
        {
            return;
        }
        var now = time.GetUtcNow();
        var until = await db.AlertSilences.Where(s => s.RuleId == id && s.DeviceId == null && s.Until > now)
            .Select(s => (DateTimeOffset?)s.Until).MaxAsync(cancellationToken);
        if (await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rule)
        {
            rule.SilencedUntil = until;
            await db.SaveChangesAsync(cancellationToken);
            await engine.ApplyRuleAsync(rule, cancellationToken);
        }
    }

    private async Task ReloadSilencesAsync(CancellationToken cancellationToken) =>
        engine.SetSilences(await ListSilencesAsync(includeExpired: false, cancellationToken));

    private static Task<List<NotificationDelivery>> DeliveriesAsync(DigitalTwinDbContext db, long alertId, CancellationToken cancellationToken) =>
        db.AlertDeliveries.AsNoTracking().Where(d => d.AlertId == alertId).OrderBy(d => d.At).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    private static AlertActionResult? Invalid(string? by, string? comment)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(by) || by.Trim().Length > 128)
        {
            errors["by"] = ["'by' is required: who does it, 1–128 characters."];
        }
        else if (SafeText.FieldError("by", by) is { } unsafeBy)
        {
            errors["by"] = [unsafeBy];
        }
        if (comment is { Length: > 2000 })
        {
            errors["comment"] = ["'comment' may have at most 2000 characters."];
        }
        else if (SafeText.FieldError("comment", comment, multiline: true) is { } unsafeComment)
        {
            errors["comment"] = [unsafeComment];
        }
        return errors.Count == 0 ? null : new AlertActionResult(AlertResultStatus.Invalid, Detail: string.Join(" ", errors.Values.SelectMany(v => v)), Errors: errors);
    }
}
