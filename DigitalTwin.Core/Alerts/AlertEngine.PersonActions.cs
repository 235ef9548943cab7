using DigitalTwin.Core.Audit;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// People's actions on alerts. They go through the engine like its own transitions, so an acknowledgement of an
/// alert that just cleared is queued after the Cleared write and applied to the cleared alert, never overwritten by it.
/// </summary>
public sealed partial class AlertEngine
{
    /// <summary>Closed alerts (cleared, or resolved: Alert null) whose writes may still be queued, by id.</summary>
    private readonly Dictionary<long, Closing> _closing = [];

    /// <summary>Counts <see cref="ForgetCommitted"/> passes: an action that read the database re-checks it did not miss one.</summary>
    private long _forgetPasses;

    /// <summary>
    /// Acknowledges an alert as <paramref name="actor"/>: an open one, one that just closed, or a stored cleared one;
    /// null when there is no such alert. Acknowledging twice keeps (and records) only the first. The answer's
    /// <see cref="PersonAction.Committed"/> completes once the writer has committed the acknowledgement with its
    /// audit row, or fails with what the database said (the writer keeps retrying both together).
    /// </summary>
    public async ValueTask<PersonAction?> AcknowledgeAsync(long alertId, Actor actor, string? comment, CancellationToken cancellationToken = default)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        while (true)
        {
            long passes;
            lock (_lock)
            {
                passes = _forgetPasses;
            }
            // Known to the engine (open or closing): acted on in memory. Otherwise it is committed: read it first.
            var stored = Known(alertId) ? null : await _writer.StoredAsync(alertId, cancellationToken);
            Alert? result = null;
            var decided = false;
            List<Effect> effects;
            lock (_lock)
            {
                if (_forgetPasses == passes || _openById.ContainsKey(alertId) || _closing.ContainsKey(alertId))
                {
                    decided = true;
                    result = Acknowledge(alertId, stored, actor, comment, Now());
                }
                effects = Flush();
            }
            if (decided)
            {
                var committed = await AnnounceAsync(effects, cancellationToken);
                return result is null ? null : new PersonAction(result, committed);
            }
        }
    }

    /// <summary>Clears an open alert by hand; null when no open alert has this id. Committed as <see cref="AcknowledgeAsync"/>.</summary>
    public async ValueTask<PersonAction?> ClearAsync(long alertId, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        Alert? result = null;
        var committed = await Change(now => result = ClearByHand(alertId, actor, reason, now), cancellationToken);
        return result is null ? null : new PersonAction(result, committed);
    }

    /// <summary>The live copy of an alert the engine holds (its values change with every reading), else the stored one.</summary>
    public Alert Current(Alert stored) => Find(stored.Id) ?? stored;

    /// <summary>An open alert, or a closed one whose last write may not be committed yet; null otherwise.</summary>
    public Alert? Find(long alertId)
    {
        lock (_lock)
        {
            return _openById.TryGetValue(alertId, out var alert) ? alert.Copy()
                : _closing.TryGetValue(alertId, out var closing) ? closing.Alert?.Copy()
                : null;
        }
    }

    private bool Known(long alertId)
    {
        lock (_lock)
        {
            return _openById.ContainsKey(alertId) || _closing.ContainsKey(alertId);
        }
    }

    /// <param name="stored">The committed alert, read when the engine did not hold it.</param>
    private Alert? Acknowledge(long alertId, Alert? stored, Actor actor, string? comment, DateTimeOffset now)
    {
        var isOpen = _openById.TryGetValue(alertId, out var alert);
        if (!isOpen)
        {
            alert = _closing.TryGetValue(alertId, out var closing) ? closing.Alert?.Copy() : stored?.Copy();
        }
        if (alert is null)
        {
            return null;
        }
        if (!alert.Acknowledged)
        {
            var by = AlertAudit.By(actor);
            alert.Acknowledged = true;
            alert.AcknowledgedBy = by;
            alert.AcknowledgedAt = now;
            alert.AcknowledgeComment = comment;
            if (alert.State == AlertState.Active)
            {
                _unacknowledged--;
            }
            // A closed alert's acknowledgement is no reading: its history entry has no value.
            Emit(AlertTransition.Acknowledged, alert, now, isOpen ? alert.LastValue : null, by, comment);
            AuditLastEffect(actor, "alert.acknowledge", AlertAudit.Describe(alert, comment));
        }
        return alert.Copy();
    }

    private Alert? ClearByHand(long alertId, Actor actor, string? reason, DateTimeOffset now)
    {
        if (!_openById.TryGetValue(alertId, out var alert))
        {
            return null;
        }
        var by = AlertAudit.By(actor);
        var wasState = alert.State;
        Clear(alert, _rules.GetValueOrDefault(alert.RuleId), now, by, string.IsNullOrEmpty(reason) ? AlertMessages.ClearedBy.Format(by) : reason);
        AuditLastEffect(actor, "alert.clear", $"{alert.RuleName} on {alert.DeviceId} ({wasState} → Cleared): {alert.ClearReason}");
        return alert.Copy();
    }

    /// <summary>A person's action: its audit row goes into the same write (one transaction) as the transition.</summary>
    private void AuditLastEffect(Actor actor, string action, string summary)
    {
        var effect = _effects[^1];
        _effects[^1] = effect with { Audit = AuditEntry.Of(actor, effect.At, action, AlertAudit.Alert, AuditSummary.Id(effect.Alert.Id), summary) };
    }

    /// <summary>Closed alerts whose writes are committed are the database's from now on.</summary>
    private void ForgetCommitted()
    {
        var committed = _writer.CommittedCount;
        var forgotten = false;
        foreach (var (id, closing) in _closing)
        {
            if (closing.Position <= committed)
            {
                _closing.Remove(id);
                forgotten = true;
            }
        }
        if (forgotten)
        {
            _forgetPasses++;
        }
    }

    /// <param name="Alert">The alert as last queued; null when it was resolved (deleted).</param>
    /// <param name="Position">The writer's queue position of that write.</param>
    private readonly record struct Closing(Alert? Alert, long Position);
}

/// <summary>A person's change to an alert: the alert as it is now, and the commit of the change with its audit row.</summary>
public sealed record PersonAction(Alert Alert, Task Committed);
