using DigitalTwin.Core.Twins.Maintenance;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Maintenance;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>The maintenance table's sentence per device, in English and Korean, numbers as the culture writes them.</summary>
public sealed class DriftTextTests
{
    private static readonly DeviceDrift Noisy = new("d1", "temperature", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(5), 240,
        1.3, DriftCause.Noise, 0.1, 0.25, 2.5, 0.2, 0.5, 0.5, 0.6, null, null, null, null, []);

    [Fact]
    public void Explain_Noise_SaysHowManyTimesAsMuchWithBothScatters()
    {
        using var english = TestText.Speak("en");

        Assert.Equal("Its readings scatter 2.5× as much around the model as in its first days (0.25 against 0.1).", DriftText.Explain(Noisy, TestText.Localizer));
    }

    [Fact]
    public void Explain_BiasDownInKorean_NamesTheShiftAndTheBaselineSpread()
    {
        using var korean = TestText.Speak("ko");
        var drift = Noisy with { Cause = DriftCause.Bias, BiasShift = -1.25, BiasSpread = 0.4 };

        Assert.Equal("처음 며칠의 일일 패턴보다 1.25 낮게 읽습니다 (당시 편차 0.4).", DriftText.Explain(drift, TestText.Localizer));
    }

    [Fact]
    public void Explain_TooLittleHistory_SaysHowMuchThereIsAndHowMuchIsNeeded()
    {
        using var english = TestText.Speak("en");
        var young = DeviceDrift.Unjudged("d2", "temperature", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(12), 24);

        Assert.Equal("Too little history to compare: 0.5 days, at least 1.5 needed.", DriftText.Explain(young, TestText.Localizer));
    }
}
