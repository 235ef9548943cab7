namespace DigitalTwin.Core.Alerts;

public enum AlertRuleKind
{
    /// <summary>The metric compared with a threshold (with optional clear threshold and pending period).</summary>
    Threshold,

    /// <summary>No reading of the metric (or of any metric when it is empty) for <see cref="AlertRule.NoDataFor"/>.</summary>
    NoData,

    /// <summary>The metric rose (for &gt; / &gt;=) or fell (for &lt; / &lt;=) by more than a delta within a window.</summary>
    RateOfChange,

    /// <summary>
    /// The metric behaves unlike its model: a spike, drift, stuck value, dropout or a change faster than the room
    /// allows (<see cref="Twins.Faults.FaultDetector"/>). <see cref="AlertRule.Threshold"/> is the sensitivity in noise
    /// scales (lower = more sensitive), <see cref="AlertRule.PendingFor"/> the minimum duration.
    /// </summary>
    Anomaly,
}

/// <summary>Which devices a rule watches: one device, every device of a kind, or every device with a tag.</summary>
public enum AlertTargetKind
{
    Device,
    Kind,
    Tag,
}

public enum AlertOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

/// <summary>Most severe first, so ordering by it puts critical alerts on top.</summary>
public enum AlertSeverity
{
    Critical,
    Major,
    Minor,
    Warning,
}

/// <summary>The state of an alert; a rule and device with no open alert are "normal".</summary>
public enum AlertState
{
    Pending,
    Active,
    Cleared,
}

/// <summary>What happened to an alert: every one is kept in its history and published on <see cref="IAlertFeed"/>.</summary>
public enum AlertTransition
{
    /// <summary>The condition started to hold; the rule's pending period runs.</summary>
    BecamePending,

    /// <summary>The condition held for the pending period (or there is none): notifications go out.</summary>
    BecameActive,

    /// <summary>A value satisfied the condition again while the alert was open (count, peak and last value updated).</summary>
    Retriggered,

    /// <summary>The condition ended while pending: the alert is dropped without a notification.</summary>
    Resolved,

    /// <summary>Cleared automatically (back beyond the clear threshold, data again, rule deleted) or by a person.</summary>
    Cleared,

    Acknowledged,

    /// <summary>Still active and unacknowledged after the rule's re-notify interval: notified again.</summary>
    Renotified,
}

public enum NotificationChannel
{
    Webhook,
    Email,
}

public enum DeliveryStatus
{
    Succeeded,

    /// <summary>This attempt failed; another follows after a back-off.</summary>
    Failed,

    /// <summary>This attempt failed and it was the last one.</summary>
    GaveUp,

    /// <summary>Not sent: the rule or device is silenced.</summary>
    Silenced,

    /// <summary>Not sent: the notification queue was full (Alerts:NotificationQueueCapacity); logged so the loss is seen.</summary>
    Dropped,
}

public static class AlertOperatorExtensions
{
    public static string Symbol(this AlertOperator op) => op switch
    {
        AlertOperator.GreaterThan => ">",
        AlertOperator.GreaterOrEqual => ">=",
        AlertOperator.LessThan => "<",
        AlertOperator.LessOrEqual => "<=",
        _ => "?",
    };

    public static bool Holds(this AlertOperator op, double value, double threshold) => op switch
    {
        AlertOperator.GreaterThan => value > threshold,
        AlertOperator.GreaterOrEqual => value >= threshold,
        AlertOperator.LessThan => value < threshold,
        AlertOperator.LessOrEqual => value <= threshold,
        _ => false,
    };

    /// <summary>True for &gt; and &gt;=: the alert is about values that are too high.</summary>
    public static bool IsUpward(this AlertOperator op) => op is AlertOperator.GreaterThan or AlertOperator.GreaterOrEqual;
}
