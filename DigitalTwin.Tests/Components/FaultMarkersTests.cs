using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

/// <summary>The fault marks as ApexCharts annotations: a labelled point for a moment, a band for a period, added to the alert markers.</summary>
public sealed class FaultMarkersTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SpikeAndStuck_APointAtTheSpikeAndABandOverTheRunBesideTheAlertBand()
    {
        var alert = new ChartXAnnotation { X = 1, X2 = 2 };
        FaultMark[] marks =
        [
            new(FaultKind.Spike, T0, T0.AddMinutes(1), 27.5, 9, "Spike: 27.5 between 21 and 21.1 (9σ)"),
            new(FaultKind.Stuck, T0.AddHours(1), T0.AddHours(3), 21.3, 12, "Stuck value: 21.3 for 2 h"),
        ];

        var annotations = FaultMarkers.Add(new ChartAnnotations { XAxis = [alert] }, marks, yAxisIndex: 0, TestText.Localizer);

        var point = Assert.Single(annotations.Points!);
        Assert.Equal((T0.ToUnixTimeMilliseconds(), 27.5, "Spike"), (point.X, point.Y, point.Label!.Text));
        Assert.Equal(2, annotations.XAxis!.Count);
        Assert.Same(alert, annotations.XAxis[0]);
        var band = annotations.XAxis[1];
        Assert.Equal((T0.AddHours(1).ToUnixTimeMilliseconds(), T0.AddHours(3).ToUnixTimeMilliseconds(), "Stuck value"), (band.X, band.X2, band.Label!.Text));
        Assert.Contains("\"points\":[{\"x\":", ChartJson.Serialize(annotations), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_InKorean_EveryKindTranslated()
    {
        using var korean = TestText.Speak("ko");

        var names = Enum.GetValues<FaultKind>().Select(k => FaultMarkers.Name(k, TestText.Localizer)).ToList();

        Assert.Equal(["스파이크", "드리프트", "고착값", "수신 끊김", "급변"], names);
    }
}
