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
    /// <param name="words">The language of <see cref="Text"/>; English when not given.</param>
    public static AlertDocument From(AlertNotification notification, string publicBaseUrl, NotificationText? words = null)
    {
        var (alert, rule) = (notification.Alert, notification.Rule);
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var document = new AlertDocument(
            alert.Id, notification.Transition, alert.State, alert.Severity,
            new RulePart(rule.Id, rule.Name, rule.Kind.ToString(), rule.Condition, rule.Description),
            new DevicePart(alert.DeviceId),
            alert.Metric,
            new ValuesPart(alert.FirstValue, alert.PeakValue, alert.LastValue, alert.LastValueAt),
            alert.PendingSince, alert.ActivatedAt, alert.ClearedAt, alert.ClearReason, alert.Acknowledged, alert.TriggerCount,
            notification.Silenced, notification.At,
            new LinksPart($"{baseUrl}/alerts/{alert.Id}", $"{baseUrl}/devices/{Uri.EscapeDataString(alert.DeviceId)}"));
        words ??= NotificationText.English;
        return document with { Culture = words.Culture, Text = words.Subject(document) };
    }

    /// <summary>"[CRITICAL] Rule name — device: value", or "[RESOLVED] …" when it cleared: always English, for programs.</summary>
    public string Subject => NotificationText.English.Subject(this);

    /// <summary>The language of <see cref="Text"/> (Alerts:NotificationCulture): "en" or "ko".</summary>
    public string Culture { get; init; } = NotificationText.English.Culture;

    /// <summary>The subject line for people, in <see cref="Culture"/> ("[긴급] …" in Korean); the same as <see cref="Subject"/> in English.</summary>
    public string Text { get; init; } = "";

    public sealed record RulePart(long Id, string Name, string Kind, string Condition, string? Description);

    public sealed record DevicePart(string Id);

    public sealed record ValuesPart(double? First, double? Peak, double? Last, DateTimeOffset? LastAt);

    public sealed record LinksPart(string Alert, string Device);
}
