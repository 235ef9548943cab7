using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>What the device charts draw for alerts: bands while active, lines at enabled thresholds, on the right axis.</summary>
public sealed class AlertMarkersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_ClearedAndOpenAlerts_BandFromActivationToClearOrNow()
    {
        Alert[] alerts =
        [
            Alert(1, AlertSeverity.Critical, "temperature", activated: Now.AddMinutes(-8), cleared: Now.AddMinutes(-6)),
            Alert(2, AlertSeverity.Minor, "temperature", activated: Now.AddMinutes(-2), cleared: null),
            Alert(3, AlertSeverity.Major, "temperature", activated: null, cleared: null),
            Alert(4, AlertSeverity.Major, "pressure", activated: Now.AddMinutes(-3), cleared: null),
            Alert(5, AlertSeverity.Major, "temperature", activated: Now.AddHours(-3), cleared: Now.AddHours(-2)),
        ];

        var markers = AlertMarkers.For(alerts, [], ["temperature", "humidity"], Now.AddMinutes(-10), Now);

        Assert.Collection(markers.XAxis!,
            band =>
            {
                Assert.Equal((Now.AddMinutes(-8).ToUnixTimeMilliseconds(), Now.AddMinutes(-6).ToUnixTimeMilliseconds()), (band.X, band.X2));
                Assert.Equal(AlertStyle.Hex(AlertSeverity.Critical), band.FillColor);
            },
            band => Assert.Equal((Now.AddMinutes(-2).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds()), (band.X, band.X2)));
    }

    [Fact]
    public void For_Rules_LinesAtEnabledThresholdsOnTheirMetricsAxis()
    {
        AlertRule[] rules =
        [
            Rule("Hot", "temperature", 30, enabled: true),
            Rule("Dry", "humidity", 20, enabled: true),
            Rule("Off", "temperature", 35, enabled: false),
            Rule("Gone", "pressure", 1, enabled: true),
            new AlertRule { Name = "Silent", Target = "d", Kind = AlertRuleKind.NoData, Metric = "temperature", Enabled = true },
        ];

        var markers = AlertMarkers.For([], rules, ["temperature", "humidity"], Now.AddMinutes(-10), Now);

        Assert.Equal([(30d, 0), (20d, 1)], markers.YAxis!.Select(l => (l.Y, l.YAxisIndex ?? -1)));
        Assert.StartsWith("> 30 · Hot", markers.YAxis![0].Label!.Text);
    }

    private static Alert Alert(long id, AlertSeverity severity, string metric, DateTimeOffset? activated, DateTimeOffset? cleared) => new()
    {
        Id = id, RuleId = 7, RuleName = "rule", DeviceId = "d", Metric = metric, Severity = severity,
        State = cleared is null ? AlertState.Active : AlertState.Cleared, PendingSince = activated ?? Now, ActivatedAt = activated, ClearedAt = cleared,
    };

    private static AlertRule Rule(string name, string metric, double threshold, bool enabled) => new()
    {
        Name = name, Target = "d", Metric = metric, Operator = AlertOperator.GreaterThan, Threshold = threshold, Enabled = enabled,
    };
}
