using Bunit;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Pages;

namespace DigitalTwin.Tests.Components;

public sealed class WidgetGalleryTests : MudComponentTest
{
    [Fact]
    public void Render_Korean_LabelsInKorean()
    {
        using var korean = TestText.Speak("ko");

        var cut = Context.Render<WidgetGallery>();

        Assert.Contains("위젯 갤러리", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("온도계", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("thermo-001의 온도와 습도", cut.Markup, StringComparison.Ordinal);
        foreach (var english in new[] { "Widget gallery", "Every UI building block", ">Thermometer<", ">Gauges<", "No reading", "Live line chart", "Temperature and humidity" })
        {
            Assert.DoesNotContain(english, cut.Markup, StringComparison.Ordinal);
        }
    }
}
