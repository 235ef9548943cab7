using DigitalTwin.Core.Alerts;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>The alerts page's filters: what the service is asked for, and the same test for alerts arriving live.</summary>
public sealed record AlertFilter
{
    /// <summary>The time ranges offered, by label; null is "any time".</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan?> Ranges = new Dictionary<string, TimeSpan?>
    {
        ["Last hour"] = TimeSpan.FromHours(1),
        ["Last 24 h"] = TimeSpan.FromHours(24),
        ["Last 7 days"] = TimeSpan.FromDays(7),
        ["Last 30 days"] = TimeSpan.FromDays(30),
        ["Any time"] = null,
    };

    /// <summary>Null: pending and active (open) ones.</summary>
    public AlertState? State { get; init; }

    /// <summary>True: every state (<see cref="State"/> is ignored).</summary>
    public bool AnyState { get; init; }

    public AlertSeverity? Severity { get; init; }

    /// <summary>An exact device id; empty for every device.</summary>
    public string Device { get; init; } = "";

    public string Range { get; init; } = "Last 7 days";

    public bool? Acknowledged { get; init; }

    public AlertQuery ToQuery(DateTimeOffset now) => new(
        State: AnyState ? null : State,
        Severity: Severity,
        DeviceId: Device.Trim().Length == 0 ? null : Device.Trim(),
        From: Ranges.GetValueOrDefault(Range) is { } range ? now - range : null,
        Acknowledged: Acknowledged)
    {
        OpenOnly = !AnyState && State is null,
    };

    /// <summary>Whether an alert that changed belongs in the list (the same test the service's query makes).</summary>
    public bool Matches(Alert alert, DateTimeOffset now)
    {
        var query = ToQuery(now);
        return (!query.OpenOnly || alert.IsOpen)
            && (query.State is null || alert.State == query.State)
            && (query.Severity is null || alert.Severity == query.Severity)
            && (query.DeviceId is null || alert.DeviceId == query.DeviceId)
            && (query.Acknowledged is null || alert.Acknowledged == query.Acknowledged)
            && (query.From is null || alert.ClearedAt is null || alert.ClearedAt >= query.From);
    }
}
