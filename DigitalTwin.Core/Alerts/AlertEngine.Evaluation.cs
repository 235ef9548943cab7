using System.Globalization;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Core.Alerts;

/// <summary>The transitions themselves; every method here runs under the engine's lock.</summary>
public sealed partial class AlertEngine
{
    private void Evaluate(DeviceRules rules, TelemetryReading reading, DateTimeOffset now)
    {
        var state = rules.State;
        var metrics = reading.Metrics;
        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = metrics[m];
            if (!rules.ByMetric.TryGetValue(metric.Name, out var matching))
            {
                continue;
            }
            foreach (var rule in matching)
            {
                if (rule.Kind == AlertRuleKind.Threshold)
                {
                    var holds = rule.Operator.Holds(metric.Value, rule.Threshold);
                    Step(rule, state, reading.DeviceId, metric.Value, reading.Timestamp, now, holds, !holds && IsBeyondClearLine(rule, metric.Value));
                }
                else if (rule.Kind == AlertRuleKind.Anomaly)
                {
                    var fault = Detector(rule, state).Observe(reading.Timestamp, metric.Value);
                    Step(rule, state, reading.DeviceId, metric.Value, reading.Timestamp, now, fault is not null, fault is null, fault?.Reason);
                }
                else if (RateChange(rule, state, reading.Timestamp, metric.Value) is { } change)
                {
                    var holds = rule.Operator.Holds(change, rule.Operator.IsUpward() ? rule.RateDelta!.Value : -rule.RateDelta!.Value);
                    Step(rule, state, reading.DeviceId, change, reading.Timestamp, now, holds, !holds);
                }
            }
        }
        foreach (var rule in rules.NoData)
        {
            if (rule.Metric.Length == 0 || Reports(metrics, rule.Metric))
            {
                state.LastSeen[rule.Id] = now;
                if (state.Open.TryGetValue(rule.Id, out var silent))
                {
                    Clear(silent, rule, now, null, AlertMessages.DataAgain.Format());
                }
            }
        }
    }

    private static bool Reports(IReadOnlyList<MetricValue> metrics, string metric)
    {
        for (var m = 0; m < metrics.Count; m++)
        {
            if (metrics[m].Name == metric)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsBeyondClearLine(AlertRule rule, double value) => rule.ClearThreshold is not { } clear
        || (rule.Operator.IsUpward() ? value < clear : value > clear);

    private static FaultDetector Detector(AlertRule rule, DeviceState state)
    {
        if (!state.Detectors.TryGetValue(rule.Id, out var detector))
        {
            state.Detectors[rule.Id] = detector = new FaultDetector(new FaultDetectorSettings(rule.Threshold));
        }
        return detector;
    }

    private static double? RateChange(AlertRule rule, DeviceState state, DateTimeOffset at, double value)
    {
        if (!state.Windows.TryGetValue(rule.Id, out var window))
        {
            state.Windows[rule.Id] = window = new RateWindow(rule.Operator.IsUpward(), rule.RateWindow!.Value);
        }
        return window.Add(at, value);
    }

    /// <summary>One observed value (the metric, or its change for rate rules) against an open alert or none.</summary>
    /// <param name="holds">The alert condition holds.</param>
    /// <param name="clears">The value is back beyond the clear line (hysteresis), so an active alert clears.</param>
    /// <param name="reason">Why the condition holds, for the alert's history (anomaly rules name the fault).</param>
    private void Step(AlertRule rule, DeviceState state, string deviceId, double value, DateTimeOffset at, DateTimeOffset now, bool holds, bool clears, string? reason = null)
    {
        at = Truncate(at);
        if (!state.Open.TryGetValue(rule.Id, out var alert))
        {
            if (holds)
            {
                Open(rule, deviceId, value, at, now, reason: reason);
            }
            return;
        }
        if (alert.LastValueAt is { } lastAt && at < lastAt)
        {
            return; // late reading: the alert already judged a newer one
        }
        alert.LastValue = value;
        alert.LastValueAt = at;
        alert.PeakValue = alert.PeakValue is not { } peak ? value : rule.Operator.IsUpward() ? Math.Max(peak, value) : Math.Min(peak, value);
        if (alert.State == AlertState.Pending)
        {
            if (!holds)
            {
                Resolve(alert, now, AlertMessages.BackDuringPending.Format());
                return;
            }
            _needsFreshReading.Remove(alert.Id);
            if (now - alert.PendingSince >= (rule.PendingFor ?? TimeSpan.Zero))
            {
                Activate(alert, rule, now, reason);
            }
            return;
        }
        if (holds)
        {
            if (_outside.Remove(alert.Id))
            {
                alert.TriggerCount++;
                Emit(AlertTransition.Retriggered, alert, now, value, detail: reason);
            }
        }
        else if (clears && rule.Kind == AlertRuleKind.Anomaly)
        {
            Clear(alert, rule, now, null, AlertMessages.BackInLine.Format(rule.Metric, Format(value)));
        }
        else if (clears)
        {
            Clear(alert, rule, now, null, (rule.Operator.IsUpward() ? AlertMessages.BackBelow : AlertMessages.BackAbove).Format(rule.Metric, Format(value), Format(rule.ClearThreshold ?? rule.Threshold)));
        }
        else
        {
            _outside.Add(alert.Id);
        }
    }

    private void Open(AlertRule rule, string deviceId, double? value, DateTimeOffset at, DateTimeOffset now, DateTimeOffset? since = null, string? reason = null)
    {
        var alert = new Alert
        {
            Id = ++_nextId,
            RuleId = rule.Id,
            RuleName = rule.Name,
            DeviceId = deviceId,
            Metric = rule.Metric,
            State = AlertState.Pending,
            Severity = rule.Severity,
            PendingSince = since ?? now,
            TriggerCount = 1,
            FirstValue = value,
            PeakValue = value,
            LastValue = value,
            LastValueAt = value is null ? null : at,
        };
        State(deviceId).Open[rule.Id] = alert;
        _openById[alert.Id] = alert;
        if (rule.PendingFor is { } pending && pending > TimeSpan.Zero)
        {
            Emit(AlertTransition.BecamePending, alert, now, value, detail: reason);
        }
        else
        {
            Activate(alert, rule, now, reason);
        }
    }

    private void Activate(Alert alert, AlertRule rule, DateTimeOffset now, string? reason = null)
    {
        alert.State = AlertState.Active;
        alert.ActivatedAt = now;
        alert.LastNotifiedAt = now;
        if (!alert.Acknowledged)
        {
            _unacknowledged++;
        }
        Emit(AlertTransition.BecameActive, alert, now, alert.LastValue, detail: reason, notify: rule);
    }

    /// <summary>A pending alert whose condition ended: it never was an alert, so it goes without a trace or a notification.</summary>
    private void Resolve(Alert alert, DateTimeOffset now, string reason)
    {
        Forget(alert);
        Emit(AlertTransition.Resolved, alert, now, alert.LastValue, detail: reason);
    }

    private void Clear(Alert alert, AlertRule? rule, DateTimeOffset now, string? by, string reason)
    {
        var wasActive = alert.State == AlertState.Active;
        if (wasActive && !alert.Acknowledged)
        {
            _unacknowledged--;
        }
        alert.State = AlertState.Cleared;
        alert.ClearedAt = now;
        alert.ClearedBy = by;
        alert.ClearReason = reason;
        Forget(alert);
        Emit(AlertTransition.Cleared, alert, now, alert.LastValue, by, reason, wasActive ? rule : null);
    }

    private void Forget(Alert alert)
    {
        State(alert.DeviceId).Open.Remove(alert.RuleId);
        _openById.Remove(alert.Id);
        _outside.Remove(alert.Id);
        _needsFreshReading.Remove(alert.Id);
    }

    private void Tick(DateTimeOffset now)
    {
        foreach (var alert in _openById.Values.ToList())
        {
            if (!_rules.TryGetValue(alert.RuleId, out var rule))
            {
                continue;
            }
            if (alert.State == AlertState.Pending && !_needsFreshReading.Contains(alert.Id) && now - alert.PendingSince >= (rule.PendingFor ?? TimeSpan.Zero))
            {
                Activate(alert, rule, now);
            }
            else if (alert.State == AlertState.Active && !alert.Acknowledged && rule.RenotifyEvery is { } every
                && now - (alert.LastNotifiedAt ?? alert.ActivatedAt ?? now) >= every)
            {
                alert.LastNotifiedAt = now;
                Emit(AlertTransition.Renotified, alert, now, alert.LastValue, notify: rule);
            }
        }
        foreach (var (ruleId, devices) in _index.NoDataCoverage)
        {
            var rule = _rules[ruleId];
            foreach (var device in devices)
            {
                var state = State(device);
                if (state.Open.ContainsKey(ruleId))
                {
                    continue;
                }
                if (!state.LastSeen.TryGetValue(ruleId, out var lastSeen))
                {
                    state.LastSeen[ruleId] = now;
                }
                else if (now - lastSeen >= rule.NoDataFor)
                {
                    Open(rule, device, null, now, now, since: lastSeen);
                }
            }
        }
    }

    private void ApplyRule(AlertRule rule, DateTimeOffset now)
    {
        var old = _rules.GetValueOrDefault(rule.Id);
        _rules[rule.Id] = rule;
        RebuildIndex(now);
        var sameCondition = old is not null && old.Kind == rule.Kind && old.Metric == rule.Metric && old.Operator == rule.Operator && old.RateWindow == rule.RateWindow
            && (rule.Kind != AlertRuleKind.Anomaly || old.Threshold == rule.Threshold);
        if (!sameCondition)
        {
            foreach (var state in _devices.Values)
            {
                state.Windows.Remove(rule.Id);
                state.Detectors.Remove(rule.Id);
            }
        }
        foreach (var alert in _openById.Values.Where(a => a.RuleId == rule.Id).ToList())
        {
            if (!rule.Enabled)
            {
                Close(alert, rule, now, AlertMessages.RuleDisabled.Format());
            }
            else if (!sameCondition || !_targets.Covers(rule, alert.DeviceId))
            {
                Close(alert, rule, now, AlertMessages.RuleNoLongerWatches.Format());
            }
            else
            {
                Rejudge(alert, rule, now);
            }
        }
    }

    /// <summary>An open alert of an edited rule, judged again on its last value against the new thresholds.</summary>
    private void Rejudge(Alert alert, AlertRule rule, DateTimeOffset now)
    {
        var changed = alert.Severity != rule.Severity || alert.RuleName != rule.Name;
        alert.Severity = rule.Severity;
        alert.RuleName = rule.Name;
        if (rule.Kind == AlertRuleKind.Threshold && alert.LastValue is { } last && !rule.Operator.Holds(last, rule.Threshold))
        {
            if (alert.State == AlertState.Pending)
            {
                Resolve(alert, now, AlertMessages.RuleNoLongerMet.Format());
                return;
            }
            if (IsBeyondClearLine(rule, last))
            {
                Clear(alert, rule, now, null, AlertMessages.RuleBackBeyond.Format(rule.Metric, Format(last)));
                return;
            }
        }
        if (changed)
        {
            _effects.Add(new Effect(null, alert.Copy(), now));
        }
    }

    private void RemoveRule(long ruleId, DateTimeOffset now)
    {
        if (!_rules.Remove(ruleId, out var rule))
        {
            return;
        }
        foreach (var alert in _openById.Values.Where(a => a.RuleId == ruleId).ToList())
        {
            Close(alert, rule, now, AlertMessages.RuleDeleted.Format());
        }
        RebuildIndex(now);
        foreach (var state in _devices.Values)
        {
            state.Windows.Remove(ruleId);
            state.LastSeen.Remove(ruleId);
            state.Detectors.Remove(ruleId);
        }
    }

    /// <summary>A device was deleted: its open alerts are cleared ("Device deleted") and what was kept about it forgotten, so a device re-created under its id starts afresh.</summary>
    private void RemoveDevice(string deviceId, DateTimeOffset now)
    {
        foreach (var alert in _openById.Values.Where(a => a.DeviceId == deviceId).ToList())
        {
            Close(alert, _rules.GetValueOrDefault(alert.RuleId), now, AlertMessages.DeviceDeleted.Format());
        }
        _devices.Remove(deviceId);
    }

    private void Close(Alert alert, AlertRule? rule, DateTimeOffset now, string reason)
    {
        if (alert.State == AlertState.Pending)
        {
            Resolve(alert, now, reason);
        }
        else
        {
            Clear(alert, rule, now, null, reason);
        }
    }

    private void RebuildIndex(DateTimeOffset now)
    {
        _indexDirty = false;
        _index = RuleIndex.Build(_rules.Values, _targets, State);
        foreach (var alert in _openById.Values.Where(a => !_rules.TryGetValue(a.RuleId, out var r) || !r.Enabled).ToList())
        {
            Close(alert, _rules.GetValueOrDefault(alert.RuleId) ?? new AlertRule { Id = alert.RuleId, Name = alert.RuleName, Target = "" }, now,
                (_rules.ContainsKey(alert.RuleId) ? AlertMessages.RuleDisabled : AlertMessages.RuleDeleted).Format());
        }
    }

    private DeviceState State(string deviceId)
    {
        if (!_devices.TryGetValue(deviceId, out var state))
        {
            _devices[deviceId] = state = new DeviceState();
        }
        return state;
    }

    private void Emit(AlertTransition transition, Alert alert, DateTimeOffset now, double? value, string? by = null, string? detail = null, AlertRule? notify = null) =>
        _effects.Add(new Effect(transition, alert.Copy(), now, value, by, detail, notify));

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
