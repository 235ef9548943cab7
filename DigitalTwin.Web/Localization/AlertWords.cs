using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Web.Components.Alerts;
using DigitalTwin.Web.Components.Twins;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>Alert words in the reader's language: severities, states and the snackbar's headline.</summary>
public static class AlertWords
{
    public static string SeverityName(this IStringLocalizer l, AlertSeverity severity) => l[$"Alert.Severity.{severity}"];

    public static string StateName(this IStringLocalizer l, AlertState state) => l[$"Alert.State.{state}"];

    /// <summary>"device thermo-1", "every thermometer", "devices tagged boiler-room" (Korean "장치 thermo-1", "모든 thermometer", "boiler-room 태그 장치").</summary>
    public static string TargetName(this IStringLocalizer l, AlertTargetKind kind, string? target) => l[$"Rule.Target.{kind}", target ?? ""];

    /// <summary>The rule's condition in the reader's language, e.g. "temperature > 30 °C for 2 min, clears &lt; 28 °C".</summary>
    public static string Condition(this IStringLocalizer l, AlertRuleDraft rule)
    {
        var metric = string.IsNullOrWhiteSpace(rule.Metric) ? null : rule.Metric.Trim();
        var pending = rule.PendingFor is { } p ? l["Rule.Cond.Pending", l.Duration(p)].Value : "";
        return rule.Kind switch
        {
            AlertRuleKind.NoData => l["Alert.Cond.NoData", metric ?? l["Alert.Data"].Value, Or(rule.NoDataFor is { } d ? l.Duration(d) : "")],
            AlertRuleKind.RateOfChange => l[$"Rule.Cond.{(rule.Operator.IsUpward() ? "Rises" : "Falls")}{(rule.Operator is AlertOperator.GreaterThan or AlertOperator.LessThan ? "" : "AtLeast")}",
                metric ?? "…", Or(AlertText.Value(rule.RateDelta, metric)), Or(rule.RateWindow is { } w ? l.Duration(w) : "")] + pending,
            AlertRuleKind.Anomaly => l["Rule.Cond.Anomaly", metric ?? "…",
                (rule.Threshold ?? FaultDetectorSettings.MediumSigmas).ToString("0.#", CultureInfo.CurrentCulture)] + pending,
            _ => $"{metric ?? "…"} {rule.Operator.Symbol()} {Or(AlertText.Value(rule.Threshold, metric))}" + pending
                + (rule.ClearThreshold is { } clear ? l["Rule.Cond.Clears", $"{(rule.Operator.IsUpward() ? "<" : ">")} {AlertText.Value(clear, metric)}"].Value : ""),
        };
    }

    public static string Condition(this IStringLocalizer l, AlertRule rule) => l.Condition(AlertRuleDraft.From(rule));

    private static string Or(string text) => text.Length == 0 || text == MetricFormat.Missing ? "…" : text;

    /// <summary>
    /// The snackbar line: "CRITICAL · Boiler room too hot · thermo-2: 31.4 °C > 30" (Korean "긴급 · …"), or for a clear
    /// "Cleared · Boiler room too hot · thermo-2: 27.5 °C". <paramref name="rule"/> may be gone (deleted).
    /// </summary>
    public static string Headline(this IStringLocalizer l, AlertTransition transition, Alert alert, AlertRule? rule)
    {
        var value = alert.LastValue is null ? l["Alert.NoValue"].Value : AlertText.Value(alert.LastValue, alert.Metric);
        if (transition == AlertTransition.Cleared)
        {
            return l["Alert.Headline.Cleared", alert.RuleName, alert.DeviceId, alert.ClearedBy is { } by ? l["Alert.ClearedBy", by].Value : value];
        }
        var condition = rule switch
        {
            { Kind: AlertRuleKind.Threshold } => $"{value} {rule.Operator.Symbol()} {rule.Threshold.ToString("0.##", CultureInfo.CurrentCulture)}",
            { Kind: AlertRuleKind.NoData } => l["Alert.Cond.NoData", rule.Metric.Length == 0 ? l["Alert.Data"].Value : rule.Metric, l.Duration(rule.NoDataFor ?? TimeSpan.Zero)].Value,
            { Kind: AlertRuleKind.RateOfChange } => l[rule.Operator.IsUpward() ? "Alert.Cond.RateUp" : "Alert.Cond.RateDown",
                value, AlertText.Value(rule.RateDelta, rule.Metric), l.Duration(rule.RateWindow ?? TimeSpan.Zero)].Value,
            { Kind: AlertRuleKind.Anomaly } => l["Alert.Cond.Anomaly", value].Value,
            _ => value,
        };
        return l["Alert.Headline.Active", l.SeverityName(alert.Severity).ToUpper(CultureInfo.CurrentCulture), alert.RuleName, alert.DeviceId, condition];
    }
}
