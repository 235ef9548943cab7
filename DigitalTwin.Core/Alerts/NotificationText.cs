using System.Globalization;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The words of alert e-mails and of the webhook's <c>text</c>, in the language set by <c>Alerts:NotificationCulture</c>
/// ("en" or "ko"): one language for every recipient, as a control room shares one. A table here rather than the web
/// app's resources, so Core stays free of the web project; the webhook's field names and codes never change with it.
/// </summary>
public sealed record NotificationText
{
    public static readonly NotificationText English = new()
    {
        Culture = "en",
        Resolved = "RESOLVED",
        Severities = new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Critical] = "CRITICAL", [AlertSeverity.Major] = "MAJOR", [AlertSeverity.Minor] = "MINOR", [AlertSeverity.Warning] = "WARNING",
        },
        States = new Dictionary<AlertState, string> { [AlertState.Pending] = "Pending", [AlertState.Active] = "Active", [AlertState.Cleared] = "Cleared" },
        Rule = "Rule",
        Device = "Device",
        State = "State",
        Severity = "Severity",
        Values = "Values",
        ValuesFormat = "first {0}, peak {1}, last {2}",
        Reminder = "{0} (reminder: not acknowledged)",
        Since = "Since",
        Cleared = "Cleared",
        Alert = "Alert",
        DevicePage = "Device page",
    };

    public static readonly NotificationText Korean = new()
    {
        Culture = "ko",
        Resolved = "해제",
        Severities = new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Critical] = "긴급", [AlertSeverity.Major] = "중대", [AlertSeverity.Minor] = "경미", [AlertSeverity.Warning] = "주의",
        },
        States = new Dictionary<AlertState, string> { [AlertState.Pending] = "대기", [AlertState.Active] = "발생", [AlertState.Cleared] = "해제" },
        Rule = "규칙",
        Device = "장치",
        State = "상태",
        Severity = "심각도",
        Values = "값",
        ValuesFormat = "처음 {0}, 최고 {1}, 마지막 {2}",
        Reminder = "{0} (재알림: 아직 확인되지 않음)",
        Since = "시작",
        Cleared = "해제",
        Alert = "경보",
        DevicePage = "장치 페이지",
    };

    /// <summary>The languages <c>Alerts:NotificationCulture</c> accepts.</summary>
    public static IReadOnlyList<NotificationText> All { get; } = [English, Korean];

    public required string Culture { get; init; }

    /// <summary>The subject's tag when an alert cleared ("[RESOLVED] …").</summary>
    public required string Resolved { get; init; }

    /// <summary>The subject's tag of an active alert ("[CRITICAL] …").</summary>
    public required IReadOnlyDictionary<AlertSeverity, string> Severities { get; init; }

    public required IReadOnlyDictionary<AlertState, string> States { get; init; }

    public required string Rule { get; init; }

    public required string Device { get; init; }

    public required string State { get; init; }

    public required string Severity { get; init; }

    public required string Values { get; init; }

    public required string ValuesFormat { get; init; }

    public required string Reminder { get; init; }

    public required string Since { get; init; }

    public required string Cleared { get; init; }

    public required string Alert { get; init; }

    public required string DevicePage { get; init; }

    /// <summary>The words for a culture name ("ko", "ko-KR", "en-US"); null for a language not offered.</summary>
    public static NotificationText? For(string? culture) =>
        All.FirstOrDefault(t => culture is not null
            && (string.Equals(culture, t.Culture, StringComparison.OrdinalIgnoreCase)
                || culture.StartsWith(t.Culture + "-", StringComparison.OrdinalIgnoreCase)));

    /// <summary>"[CRITICAL] Rule name — device: temperature 31.5" (Korean "[긴급] …"), or "[RESOLVED] …" / "[해제] …" when it cleared.</summary>
    public string Subject(AlertDocument d)
    {
        var tag = d.Transition == AlertTransition.Cleared ? Resolved : Severities[d.Severity];
        var value = d.Values.Last is { } last ? $": {d.Metric} {Number(last)}" : $": {d.Rule.Condition}";
        return $"[{tag}] {d.Rule.Name} — {d.Device.Id}{value}";
    }

    /// <summary>The e-mail's table: label and value, links last.</summary>
    /// <param name="say">Says the recorded clear reason in this language (as recorded when null).</param>
    public IEnumerable<(string Label, string Value)> Lines(AlertDocument d, Func<string, string>? say = null)
    {
        yield return (Rule, $"{d.Rule.Name} ({d.Rule.Condition})");
        yield return (Device, d.Device.Id);
        yield return (State, d.Transition == AlertTransition.Renotified ? string.Format(CultureInfo.InvariantCulture, Reminder, States[d.State]) : States[d.State]);
        yield return (Severity, Severities[d.Severity]);
        if (d.Values.Last is not null)
        {
            yield return (Values, string.Format(CultureInfo.InvariantCulture, ValuesFormat, Number(d.Values.First), Number(d.Values.Peak), Number(d.Values.Last)));
        }
        yield return (Since, (d.ActivatedAt ?? d.PendingSince).ToString("u", CultureInfo.InvariantCulture));
        if (d.ClearedAt is { } cleared)
        {
            var reason = d.ClearReason is { } recorded && say is not null ? say(recorded) : d.ClearReason;
            yield return (Cleared, $"{cleared.ToString("u", CultureInfo.InvariantCulture)} ({reason})");
        }
        yield return (Alert, d.Links.Alert);
        yield return (DevicePage, d.Links.Device);
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–";
}
