using System.Globalization;
using System.Text.Json.Serialization;

namespace DigitalTwin.Core.Alerts;

/// <summary>The JSON a webhook receives, and what an e-mail says: the alert, its rule, the device, values and links.</summary>
public sealed record AlertDocument(
    long AlertId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AlertTransition>))] AlertTransition Transition,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AlertState>))] AlertState State,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))] AlertSeverity Severity,
    AlertDocument.RulePart Rule,
    AlertDocument.DevicePart Device,
    string Metric,
    AlertDocument.ValuesPart Values,
    DateTimeOffset PendingSince,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ClearedAt,
    string? ClearReason,
    bool Acknowledged,
    int TriggerCount,
    bool Silenced,
    DateTimeOffset SentAt,
    AlertDocument.LinksPart Links)
{
    public static AlertDocument From(AlertNotification notification, string publicBaseUrl)
    {
        var (alert, rule) = (notification.Alert, notification.Rule);
        var baseUrl = publicBaseUrl.TrimEnd('/');
        return new AlertDocument(
            alert.Id, notification.Transition, alert.State, alert.Severity,
            new RulePart(rule.Id, rule.Name, rule.Kind.ToString(), rule.Condition, rule.Description),
            new DevicePart(alert.DeviceId),
            alert.Metric,
            new ValuesPart(alert.FirstValue, alert.PeakValue, alert.LastValue, alert.LastValueAt),
            alert.PendingSince, alert.ActivatedAt, alert.ClearedAt, alert.ClearReason, alert.Acknowledged, alert.TriggerCount,
            notification.Silenced, notification.At,
            new LinksPart($"{baseUrl}/alerts/{alert.Id}", $"{baseUrl}/devices/{Uri.EscapeDataString(alert.DeviceId)}"));
    }

    /// <summary>"[CRITICAL] Rule name — device: value", or "[RESOLVED] …" when it cleared.</summary>
    public string Subject
    {
        get
        {
            var tag = Transition == AlertTransition.Cleared ? "RESOLVED" : Severity.ToString().ToUpperInvariant();
            var value = Values.Last is { } last ? $": {Metric} {last.ToString("0.###", CultureInfo.InvariantCulture)}" : $": {Rule.Condition}";
            return $"[{tag}] {Rule.Name} — {Device.Id}{value}";
        }
    }

    public sealed record RulePart(long Id, string Name, string Kind, string Condition, string? Description);

    public sealed record DevicePart(string Id);

    public sealed record ValuesPart(double? First, double? Peak, double? Last, DateTimeOffset? LastAt);

    public sealed record LinksPart(string Alert, string Device);
}
