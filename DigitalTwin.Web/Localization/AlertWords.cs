using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>Alert words in the reader's language: severities, states and the snackbar's headline.</summary>
public static class AlertWords
{
    public static string SeverityName(this IStringLocalizer l, AlertSeverity severity) => l[$"Alert.Severity.{severity}"];

    public static string StateName(this IStringLocalizer l, AlertState state) => l[$"Alert.State.{state}"];

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
            _ => value,
        };
        return l["Alert.Headline.Active", l.SeverityName(alert.Severity).ToUpper(CultureInfo.CurrentCulture), alert.RuleName, alert.DeviceId, condition];
    }
}
