using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Power;

namespace DigitalTwin.Tests.Power;

public sealed class PowerChartsTests
{
    [Theory]
    [InlineData("en", "no data")]
    [InlineData("ko", "데이터 없음")]
    public void Heatmap_Language_EmptyCellTextInThatLanguage(string language, string noData)
    {
        using var _ = TestText.Speak(language);

        var options = PowerCharts.Heatmap(rows: 10, HeatmapScale.ShareOfMax, TestText.Localizer);

        Assert.Equal(noData, options.NoData?.Text);
    }
}
