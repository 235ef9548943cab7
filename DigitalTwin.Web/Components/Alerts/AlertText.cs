using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>How alerts and rules read to people: "temperature > 30 °C for 2 min, clears &lt; 28 °C", "31.4 °C".</summary>
public static class AlertText
{
    /// <summary>The unit of a well-known metric, or "" for any other.</summary>
    public static string UnitOf(string? metric) => metric switch
    {
        "temperature" => "°C",
        "humidity" => "%RH",
        _ => "",
    };

    /// <summary>A value with its metric's unit, "31.4 °C"; up to two decimals, as the device sent it.</summary>
    public static string Value(double? value, string? metric)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return MetricFormat.Missing;
        }
        var unit = UnitOf(metric);
        var number = v.ToString("0.##", CultureInfo.CurrentCulture);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }

    /// <summary>"2 min", "90 s", "1 h 30 min", "2 d".</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "";
        }
        if (d.TotalDays >= 1 && d.TotalDays == Math.Floor(d.TotalDays))
        {
            return $"{d.TotalDays:0} d";
        }
        if (d.TotalHours >= 1)
        {
            return d.Minutes == 0 && d.Seconds == 0 ? $"{Math.Floor(d.TotalHours):0} h" : $"{Math.Floor(d.TotalHours):0} h {d.Minutes} min";
        }
        if (d.TotalMinutes >= 1)
        {
            return d.Seconds == 0 ? $"{Math.Floor(d.TotalMinutes):0} min" : $"{Math.Floor(d.TotalMinutes):0} min {d.Seconds} s";
        }
        return $"{d.TotalSeconds:0.#} s";
    }

    /// <summary>The rule's condition in words, e.g. "temperature > 30 °C for 2 min, clears &lt; 28 °C".</summary>
    public static string Condition(AlertRuleDraft rule)
    {
        var metric = string.IsNullOrWhiteSpace(rule.Metric) ? null : rule.Metric.Trim();
        var symbol = rule.Operator.Symbol();
        return rule.Kind switch
        {
            AlertRuleKind.NoData => $"no {(metric is null ? "data" : metric)} for {Or(Duration(rule.NoDataFor), "…")}",
            AlertRuleKind.RateOfChange =>
                $"{metric ?? "…"} {(rule.Operator.IsUpward() ? "rises" : "falls")} by {(rule.Operator is AlertOperator.GreaterThan or AlertOperator.LessThan ? "more than" : "at least")} "
                + $"{Or(Value(rule.RateDelta, metric), "…")} within {Or(Duration(rule.RateWindow), "…")}"
                + Pending(rule.PendingFor),
            AlertRuleKind.Anomaly => $"{metric ?? "…"} unlike its model (beyond {(rule.Threshold ?? FaultDetectorSettings.MediumSigmas).ToString("0.#", CultureInfo.CurrentCulture)}σ)"
                + Pending(rule.PendingFor),
            _ => $"{metric ?? "…"} {symbol} {Or(Value(rule.Threshold, metric), "…")}"
                + Pending(rule.PendingFor)
                + (rule.ClearThreshold is { } clear ? $", clears {(rule.Operator.IsUpward() ? "<" : ">")} {Value(clear, metric)}" : ""),
        };
    }

    public static string Condition(AlertRule rule) => Condition(AlertRuleDraft.From(rule));

    /// <summary>"CRITICAL", as snackbars and previews shout it.</summary>
    public static string Severity(AlertSeverity severity) => severity.ToString().ToUpperInvariant();

    /// <summary>"device thermo-1", "every thermometer", "devices tagged boiler-room".</summary>
    public static string Target(AlertTargetKind kind, string? target) => kind switch
    {
        AlertTargetKind.Kind => $"every {target}",
        AlertTargetKind.Tag => $"devices tagged {target}",
        _ => $"device {target}",
    };

    /// <summary>
    /// The snackbar line: "CRITICAL · Boiler room too hot · thermo-2: 31.4 °C > 30", or for a clear
    /// "Cleared · Boiler room too hot · thermo-2: 27.5 °C". <paramref name="rule"/> may be gone (deleted).
    /// </summary>
    public static string Headline(AlertTransition transition, Alert alert, AlertRule? rule)
    {
        var value = alert.LastValue is null ? "no data" : Value(alert.LastValue, alert.Metric);
        if (transition == AlertTransition.Cleared)
        {
            return $"Cleared · {alert.RuleName} · {alert.DeviceId}: {(alert.ClearedBy is { } by ? $"cleared by {by}" : value)}";
        }
        var condition = rule switch
        {
            { Kind: AlertRuleKind.Threshold } => $"{value} {rule.Operator.Symbol()} {rule.Threshold.ToString("0.##", CultureInfo.CurrentCulture)}",
            { Kind: AlertRuleKind.NoData } => $"no {(rule.Metric.Length == 0 ? "data" : rule.Metric)} for {Duration(rule.NoDataFor)}",
            { Kind: AlertRuleKind.RateOfChange } => $"{value}, {(rule.Operator.IsUpward() ? "up" : "down")} more than {Value(rule.RateDelta, rule.Metric)} in {Duration(rule.RateWindow)}",
            { Kind: AlertRuleKind.Anomaly } => $"{value}, unlike its model",
            _ => value,
        };
        return $"{Severity(alert.Severity)} · {alert.RuleName} · {alert.DeviceId}: {condition}";
    }

    private static string Pending(TimeSpan? pending) => pending is { } p ? $" for {Duration(p)}" : "";

    private static string Or(string text, string missing) => text.Length == 0 || text == MetricFormat.Missing ? missing : text;
}
