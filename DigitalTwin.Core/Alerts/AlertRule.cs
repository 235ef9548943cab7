namespace DigitalTwin.Core.Alerts;

/// <summary>
/// A rule: which devices (<see cref="TargetKind"/> + <see cref="Target"/>), which metric, and when that is an alert.
/// Edited through <see cref="AlertRuleDraft"/>, which validates it.
/// </summary>
public sealed class AlertRule
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public AlertRuleKind Kind { get; set; }

    public AlertTargetKind TargetKind { get; set; }

    /// <summary>A device id, a device kind or a tag, after <see cref="TargetKind"/>.</summary>
    public required string Target { get; set; }

    /// <summary>The metric watched; for <see cref="AlertRuleKind.NoData"/> empty means "any metric".</summary>
    public string Metric { get; set; } = "";

    public AlertOperator Operator { get; set; }

    /// <summary>Threshold rules: the value the metric is compared with. Anomaly rules: the sensitivity, in noise scales.</summary>
    public double Threshold { get; set; }

    /// <summary>
    /// Hysteresis: an active alert clears only once the value is back beyond this line (below it for &gt; rules,
    /// above it for &lt; rules). Null clears as soon as the condition no longer holds.
    /// </summary>
    public double? ClearThreshold { get; set; }

    /// <summary>The condition must hold this long before the alert becomes active ("for 2 minutes"); null = at once.</summary>
    public TimeSpan? PendingFor { get; set; }

    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;

    /// <summary>No-data rules: silence longer than this is an alert.</summary>
    public TimeSpan? NoDataFor { get; set; }

    /// <summary>Rate-of-change rules: the change that is an alert (positive; the operator gives the direction).</summary>
    public double? RateDelta { get; set; }

    /// <summary>Rate-of-change rules: the window the change is measured over.</summary>
    public TimeSpan? RateWindow { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Notifications of this rule are suppressed until then (the alert state still changes).</summary>
    public DateTimeOffset? SilencedUntil { get; set; }

    /// <summary>While an alert stays active and unacknowledged, notify again this often; null = once.</summary>
    public TimeSpan? RenotifyEvery { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A one-line description of the condition, e.g. "temperature > 30 (clears below 28) for 00:02:00".</summary>
    public string Condition => Kind switch
    {
        AlertRuleKind.NoData => $"no {(Metric.Length == 0 ? "data" : Metric)} for {NoDataFor}",
        AlertRuleKind.RateOfChange => $"{Metric} {(Operator.IsUpward() ? "rises" : "falls")} by {RateDelta} within {RateWindow}",
        AlertRuleKind.Anomaly => $"{Metric} unlike its model (beyond {Threshold}σ)" + (PendingFor is { } lasting ? $" for {lasting}" : ""),
        _ => $"{Metric} {Operator.Symbol()} {Threshold}"
            + (ClearThreshold is { } clear ? $" (clears {(Operator.IsUpward() ? "below" : "above")} {clear})" : "")
            + (PendingFor is { } pending ? $" for {pending}" : ""),
    };
}
