namespace DigitalTwin.Core.Alerts;

/// <summary>
/// One alert of a rule on a device, from the moment its condition started to hold until it cleared. A rule and
/// device have at most one open alert (Pending or Active); a re-trigger updates it (count, peak, last value).
/// </summary>
public sealed class Alert
{
    /// <summary>Assigned by the engine (not the database), so a transition is published before it is written.</summary>
    public long Id { get; set; }

    public long RuleId { get; set; }

    /// <summary>The rule's name when the alert opened, so the alert still reads well after the rule is deleted.</summary>
    public required string RuleName { get; set; }

    public required string DeviceId { get; set; }

    public string Metric { get; set; } = "";

    public AlertState State { get; set; }

    public AlertSeverity Severity { get; set; }

    /// <summary>When the condition started to hold (the pending period runs from here).</summary>
    public DateTimeOffset PendingSince { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    /// <summary>Who cleared it by hand; null when it cleared automatically (see <see cref="ClearReason"/>).</summary>
    public string? ClearedBy { get; set; }

    public string? ClearReason { get; set; }

    /// <summary>Readings that satisfied the condition while the alert was open, the first included.</summary>
    public int TriggerCount { get; set; }

    /// <summary>The value that opened the alert (null for no-data alerts).</summary>
    public double? FirstValue { get; set; }

    /// <summary>The worst value seen: the highest for &gt; rules, the lowest for &lt; rules (the largest change for rate rules).</summary>
    public double? PeakValue { get; set; }

    public double? LastValue { get; set; }

    /// <summary>Device time of <see cref="LastValue"/>.</summary>
    public DateTimeOffset? LastValueAt { get; set; }

    public bool Acknowledged { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgeComment { get; set; }

    public DateTimeOffset? LastNotifiedAt { get; set; }

    public bool IsOpen => State != AlertState.Cleared;

    public Alert Copy() => (Alert)MemberwiseClone();
}

/// <summary>One transition of an alert, kept for its history.</summary>
public sealed class AlertHistoryEntry
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public DateTimeOffset At { get; set; }

    public AlertTransition Transition { get; set; }

    /// <summary>The alert's state after the transition.</summary>
    public AlertState State { get; set; }

    public double? Value { get; set; }

    /// <summary>Who did it (acknowledge, manual clear); null for the engine.</summary>
    public string? By { get; set; }

    public string? Detail { get; set; }
}

/// <summary>One attempt to deliver a notification of an alert over one channel to one target.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    /// <summary>The transition notified (BecameActive, Cleared, Renotified).</summary>
    public AlertTransition Transition { get; set; }

    public NotificationChannel Channel { get; set; }

    /// <summary>The webhook URL or the e-mail recipients.</summary>
    public required string Target { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; set; }

    public DeliveryStatus Status { get; set; }

    public int? HttpStatus { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>Notifications for a rule or a device (or that rule on that device) are suppressed until <see cref="Until"/>.</summary>
public sealed class AlertSilence
{
    public long Id { get; set; }

    public long? RuleId { get; set; }

    public string? DeviceId { get; set; }

    public DateTimeOffset Until { get; set; }

    public string? By { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Covers(long ruleId, string deviceId, DateTimeOffset now) =>
        now < Until && (RuleId is null || RuleId == ruleId) && (DeviceId is null || DeviceId == deviceId);
}
