using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>Rules and alerts in words, as the rules page, the dialog's preview and the snackbars write them.</summary>
public sealed class AlertTextTests
{
    [Fact]
    public void Condition_ThresholdWithPendingAndClear_ReadsLikeASentence()
    {
        var rule = new AlertRuleDraft
        {
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30, ClearThreshold = 28, PendingFor = TimeSpan.FromMinutes(2),
        };

        Assert.Equal($"temperature > 30 °C for 2 min, clears < 28 °C", AlertText.Condition(rule));
    }

    [Fact]
    public void Condition_LowerRuleClearsAbove()
    {
        var rule = new AlertRuleDraft { Metric = "humidity", Operator = AlertOperator.LessOrEqual, Threshold = 20, ClearThreshold = 25 };

        Assert.Equal("humidity <= 20 %RH, clears > 25 %RH", AlertText.Condition(rule));
    }

    [Fact]
    public void Condition_NoDataAndRate_NameTheirDurations()
    {
        Assert.Equal("no data for 5 min", AlertText.Condition(new AlertRuleDraft { Kind = AlertRuleKind.NoData, NoDataFor = TimeSpan.FromMinutes(5) }));
        Assert.Equal(
            "temperature falls by at least 5 °C within 1 h 30 min",
            AlertText.Condition(new AlertRuleDraft
            {
                Kind = AlertRuleKind.RateOfChange, Metric = "temperature", Operator = AlertOperator.LessOrEqual, RateDelta = 5, RateWindow = TimeSpan.FromMinutes(90),
            }));
    }

    [Fact]
    public void Condition_Incomplete_ShowsGapsInsteadOfFailing()
    {
        Assert.Equal("… > …", AlertText.Condition(new AlertRuleDraft()));
    }

    [Fact]
    public void Headline_ActiveAndCleared()
    {
        var rule = new AlertRule { Name = "Boiler room too hot", Target = "thermo-2", Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30 };
        var alert = new Alert { RuleName = rule.Name, DeviceId = "thermo-2", Metric = "temperature", Severity = AlertSeverity.Critical, LastValue = 31.4 };

        Assert.Equal($"CRITICAL · Boiler room too hot · thermo-2: {31.4.ToString(CultureInfo.CurrentCulture)} °C > 30", AlertText.Headline(AlertTransition.BecameActive, alert, rule));
        alert.LastValue = 27;
        Assert.Equal("Cleared · Boiler room too hot · thermo-2: 27 °C", AlertText.Headline(AlertTransition.Cleared, alert, null));
        alert.ClearedBy = "ana";
        Assert.Equal("Cleared · Boiler room too hot · thermo-2: cleared by ana", AlertText.Headline(AlertTransition.Cleared, alert, null));
    }

    [Theory]
    [InlineData(90, "1 min 30 s")]
    [InlineData(120, "2 min")]
    [InlineData(3600, "1 h")]
    [InlineData(5400, "1 h 30 min")]
    [InlineData(172800, "2 d")]
    [InlineData(15, "15 s")]
    public void Duration_ReadsInTheLargestFittingUnits(int seconds, string expected) =>
        Assert.Equal(expected, AlertText.Duration(TimeSpan.FromSeconds(seconds)));
}
