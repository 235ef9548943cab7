using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;

namespace DigitalTwin.Tests.Localization;

/// <summary>The rule dialog's field errors: in English what the API says, in Korean the same rule in Korean.</summary>
public sealed class RuleErrorsTests
{
    public static TheoryData<AlertRuleDraft> BrokenDrafts() =>
    [
        new() { Name = "", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Device, Target = "bad id!", Metric = "bad metric!", Threshold = null },
        new() { Name = "r", Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Tag, Target = "", Metric = "t", Operator = AlertOperator.GreaterThan, Threshold = 30, ClearThreshold = 31, RenotifyEvery = TimeSpan.FromSeconds(5) },
        new() { Name = "r", Kind = AlertRuleKind.Anomaly, TargetKind = AlertTargetKind.Kind, Target = "thermometer", Metric = "t", Threshold = 50, PendingFor = TimeSpan.FromDays(40) },
        new() { Name = "r", Kind = AlertRuleKind.RateOfChange, TargetKind = AlertTargetKind.Device, Target = "d", Metric = "t", Operator = AlertOperator.LessThan, RateDelta = -1 },
        new() { Name = "r", Kind = AlertRuleKind.NoData, TargetKind = AlertTargetKind.Device, Target = "d", Metric = "", NoDataFor = null },
    ];

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public void Describe_English_SameAsTheApi(AlertRuleDraft draft)
    {
        using var _ = TestText.Speak("en");
        var errors = draft.Validate();
        Assert.NotEmpty(errors);

        foreach (var (field, messages) in errors)
        {
            Assert.Equal(string.Join(" ", messages).Replace(" characters.", " characters of plain text.", StringComparison.Ordinal),
                TestText.Localizer.Describe(field, draft, messages));
        }
    }

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public void Describe_Korean_EveryFieldInKorean(AlertRuleDraft draft)
    {
        using var _ = TestText.Speak("ko");

        foreach (var (field, messages) in draft.Validate())
        {
            Assert.Matches("[\uAC00-\uD7A3]", TestText.Localizer.Describe(field, draft, messages));
        }
    }
}
