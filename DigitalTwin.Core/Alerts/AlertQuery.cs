namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Filters for the alert list; null means "any". <see cref="From"/>/<see cref="To"/> select alerts whose lifetime
/// (pending-since to cleared-at, or now while open) overlaps the range, which is also what chart markers need.
/// </summary>
public sealed record AlertQuery(
    AlertState? State = null,
    AlertSeverity? Severity = null,
    string? DeviceId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Acknowledged = null,
    long? RuleId = null,
    int Limit = 500)
{
    public const int MaxLimit = 5000;

    /// <summary>Open alerts (pending or active) only: a convenience for <c>State</c> that lists both.</summary>
    public bool OpenOnly { get; init; }
}

/// <summary>An alert with its history (oldest first) and notification delivery attempts (oldest first).</summary>
public sealed record AlertDetails(Alert Alert, IReadOnlyList<AlertHistoryEntry> History, IReadOnlyList<NotificationDelivery> Deliveries);

public enum AlertResultStatus
{
    Ok,
    NotFound,
    Invalid,

    /// <summary>The action does not apply in the alert's state (e.g. clearing a cleared alert).</summary>
    Conflict,
}

/// <summary>What a rule change did; <see cref="Errors"/> (field → messages) when it was invalid.</summary>
public sealed record AlertRuleResult(AlertResultStatus Status, AlertRule? Rule = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>What an acknowledge or clear did, with the alert as it is now.</summary>
public sealed record AlertActionResult(AlertResultStatus Status, Alert? Alert = null, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>A silence as a client asks for it: a rule, a device, or both, for a period.</summary>
public sealed class SilenceDraft
{
    public long? RuleId { get; set; }

    public string? DeviceId { get; set; }

    /// <summary>How long from now; alternatively <see cref="Until"/>.</summary>
    public TimeSpan? For { get; set; }

    public DateTimeOffset? Until { get; set; }

    /// <summary>Ignored (kept so older clients' bodies still bind): the signed-in user or token is recorded instead.</summary>
    public string? By { get; set; }

    public string? Reason { get; set; }
}

public sealed record SilenceResult(AlertResultStatus Status, AlertSilence? Silence = null, IReadOnlyDictionary<string, string[]>? Errors = null);
