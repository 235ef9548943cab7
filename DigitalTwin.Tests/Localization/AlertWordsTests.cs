using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Tests.Localization;

/// <summary>Rules and alerts in words, as the rules page, the dialog's preview and the snackbars write them, in both languages.</summary>
public sealed class AlertWordsTests
{
    private static readonly AlertRuleDraft Threshold = new()
    {
        Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30, ClearThreshold = 28, PendingFor = TimeSpan.FromMinutes(2),
    };

    private static readonly AlertRuleDraft Anomaly = new() { Kind = AlertRuleKind.Anomaly, Metric = "temperature", Threshold = 4 };

    [Theory]
    [InlineData("en", "temperature > 30 °C for 2 min, clears < 28 °C")]
    [InlineData("ko", "temperature > 30 °C, 2분 지속, < 28 °C에서 해제")]
    public void Condition_ThresholdWithPendingAndClear_ReadsLikeASentence(string culture, string expected)
    {
        using var _ = TestText.Speak(culture);

        Assert.Equal(expected, TestText.Localizer.Condition(Threshold));
    }

    [Theory]
    [InlineData("en", "no data for 5 min", "temperature falls by at least 5 °C within 1.5 h")]
    [InlineData("ko", "5분간 데이터 없음", "temperature이(가) 1.5시간 안에 5 °C 이상 하강")]
    public void Condition_NoDataAndRate_NameTheirDurations(string culture, string noData, string rate)
    {
        using var _ = TestText.Speak(culture);

        Assert.Equal(noData, TestText.Localizer.Condition(new AlertRuleDraft { Kind = AlertRuleKind.NoData, NoDataFor = TimeSpan.FromMinutes(5) }));
        Assert.Equal(rate, TestText.Localizer.Condition(new AlertRuleDraft
        {
            Kind = AlertRuleKind.RateOfChange, Metric = "temperature", Operator = AlertOperator.LessOrEqual, RateDelta = 5, RateWindow = TimeSpan.FromMinutes(90),
        }));
    }

    [Theory]
    [InlineData("en", "temperature unlike its model (beyond 4σ)")]
    [InlineData("ko", "temperature이(가) 모델 예측과 다름(4σ 초과)")]
    public void Condition_Anomaly_NamesItsSensitivityNotAThreshold(string culture, string expected)
    {
        using var _ = TestText.Speak(culture);

        Assert.Equal(expected, TestText.Localizer.Condition(Anomaly));
    }

    [Theory]
    [InlineData("en", "CRITICAL · Boiler room too hot · thermo-2: 31.4 °C > 30", "Cleared · Boiler room too hot · thermo-2: cleared by ana")]
    [InlineData("ko", "긴급 · Boiler room too hot · thermo-2: 31.4 °C > 30", "해제 · Boiler room too hot · thermo-2: ana 님이 해제")]
    public void Headline_ActiveAndCleared(string culture, string active, string cleared)
    {
        using var _ = TestText.Speak(culture);
        var rule = new AlertRule { Name = "Boiler room too hot", Target = "thermo-2", Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = 30 };
        var alert = new Alert { RuleName = rule.Name, DeviceId = "thermo-2", Metric = "temperature", Severity = AlertSeverity.Critical, LastValue = 31.4 };

        Assert.Equal(active, TestText.Localizer.Headline(AlertTransition.BecameActive, alert, rule));
        alert.ClearedBy = "ana";
        Assert.Equal(cleared, TestText.Localizer.Headline(AlertTransition.Cleared, alert, null));
    }

    [Theory]
    [InlineData("en", "WARNING · Drift · thermo-2: 31.4 °C, unlike its model")]
    [InlineData("ko", "주의 · Drift · thermo-2: 31.4 °C, 모델 예측과 다름")]
    public void Headline_Anomaly_SaysTheValueIsUnlikeTheModel(string culture, string expected)
    {
        using var _ = TestText.Speak(culture);
        var rule = new AlertRule { Name = "Drift", Target = "thermo-2", Metric = "temperature", Kind = AlertRuleKind.Anomaly, Threshold = 4 };
        var alert = new Alert { RuleName = rule.Name, DeviceId = "thermo-2", Metric = "temperature", Severity = AlertSeverity.Warning, LastValue = 31.4 };

        Assert.Equal(expected, TestText.Localizer.Headline(AlertTransition.BecameActive, alert, rule));
    }

    [Fact]
    public void Value_KnownMetricsCarryTheirUnit() =>
        Assert.Equal(
            [$"{31.4.ToString(CultureInfo.CurrentCulture)} °C", "40 %RH", "7"],
            new[] { AlertText.Value(31.4, "temperature"), AlertText.Value(40, "humidity"), AlertText.Value(7, "heater") });
}
