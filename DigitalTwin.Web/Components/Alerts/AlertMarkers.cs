using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Charts;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>
/// Alerts drawn on a device's chart: a band per alert from activation to clearing (or now), coloured by severity,
/// and a dashed line, labelled with the rule, at the threshold of each enabled threshold rule on the device's metric.
/// </summary>
public static class AlertMarkers
{
    /// <param name="metrics">The charted metrics, in the order of the chart's y axes.</param>
    public static ChartAnnotations For(
        IEnumerable<Alert> alerts, IEnumerable<AlertRule> rules, IReadOnlyList<string> metrics, DateTimeOffset from, DateTimeOffset now)
    {
        // Bands carry no label: several in a row would overlap into noise; the threshold line names the rule.
        var bands = alerts
            .Where(a => a.ActivatedAt is not null && metrics.Contains(a.Metric) && (a.ClearedAt ?? now) >= from)
            .OrderBy(a => a.ActivatedAt)
            .Select(a => new ChartXAnnotation
            {
                X = Math.Max(a.ActivatedAt!.Value.ToUnixTimeMilliseconds(), from.ToUnixTimeMilliseconds()),
                X2 = (a.ClearedAt ?? now).ToUnixTimeMilliseconds(),
                FillColor = AlertStyle.Hex(a.Severity),
                BorderColor = AlertStyle.Hex(a.Severity),
                Opacity = 0.18,
            });
        var lines = rules
            .Where(r => r is { Enabled: true, Kind: AlertRuleKind.Threshold } && metrics.Contains(r.Metric))
            .Select(r => new ChartYAnnotation
            {
                Y = r.Threshold,
                YAxisIndex = IndexOf(metrics, r.Metric),
                BorderColor = AlertStyle.Hex(r.Severity),
                StrokeDashArray = 6,
                Label = new ChartAnnotationLabel($"{r.Operator.Symbol()} {r.Threshold.ToString("0.##", CultureInfo.CurrentCulture)} · {r.Name}")
                {
                    BorderColor = AlertStyle.Hex(r.Severity),
                    Style = AlertStyle.Label(r.Severity),
                },
            });
        return new ChartAnnotations { XAxis = [.. bands], YAxis = [.. lines] };
    }

    private static int IndexOf(IReadOnlyList<string> metrics, string metric)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i] == metric)
            {
                return i;
            }
        }
        return 0;
    }
}
