using DigitalTwin.Core.Audit;

namespace DigitalTwin.Core.Alerts;

/// <summary>How rules, alerts and silences read in the audit trail.</summary>
internal static class AlertAudit
{
    public const string Rule = "alert-rule";
    public const string Alert = "alert";
    public const string Silence = "silence";

    /// <summary>"Acknowledged by", "cleared by", a silence's "by": the actor, within the columns' 128 characters.</summary>
    public static string By(Actor actor) => AuditSummary.Who(actor);

    public static Dictionary<string, string?> Snapshot(AlertRule rule) => new(StringComparer.Ordinal)
    {
        ["name"] = rule.Name,
        ["description"] = rule.Description,
        ["target"] = $"{rule.TargetKind} {rule.Target}",
        ["condition"] = rule.Condition,
        ["severity"] = rule.Severity.ToString(),
        ["enabled"] = rule.Enabled ? "yes" : "no",
        ["renotifyEvery"] = AuditSummary.Of(rule.RenotifyEvery),
    };

    public static string Describe(AlertSilence silence) =>
        AuditSummary.Fields(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["rule"] = silence.RuleId is { } rule ? AuditSummary.Id(rule) : null,
            ["device"] = silence.DeviceId,
            ["until"] = silence.Until.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = silence.Reason,
        });

    public static string Describe(Alert alert, string? note) =>
        $"{alert.RuleName} on {alert.DeviceId} ({alert.State})" + (string.IsNullOrEmpty(note) ? "" : $": {note}");
}
