using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Tests.Localization;

public sealed class UiTextTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", 5, "5 s ago")]
    [InlineData("en", 3 * 60 + 20, "3 min ago")]
    [InlineData("ko", 5, "5초 전")]
    [InlineData("ko", 2 * 3600 + 59 * 60, "2시간 전")]
    [InlineData("ko", 3 * 86400 + 5, "3일 전")]
    public void Ago_PastTime_InTheLanguage(string culture, int secondsAgo, string expected)
    {
        using var _ = TestText.Speak(culture);

        Assert.Equal(expected, TestText.Localizer.Ago(Now.AddSeconds(-secondsAgo), Now));
    }

    [Theory]
    [InlineData("en", "no data for 1.5 min")]
    [InlineData("ko", "1.5분간 데이터 없음")]
    public void StatusReason_NoData_SaysForHowLong(string culture, string expected)
    {
        using var _ = TestText.Speak(culture);

        Assert.Equal(expected, TestText.Localizer.StatusReason(StatusReason.NoData, TimeSpan.FromSeconds(90)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void StatusWords_EveryStatusAndReason_Translated(string culture)
    {
        using var _ = TestText.Speak(culture);

        foreach (var reason in Enum.GetValues<StatusReason>().Where(r => r != StatusReason.None))
        {
            var text = TestText.Localizer.StatusReason(reason, TimeSpan.FromMinutes(2));
            Assert.False(string.IsNullOrEmpty(text) || text.StartsWith("Status.", StringComparison.Ordinal), $"{reason}: {text}");
        }
        foreach (var status in Enum.GetValues<DeviceStatus>())
        {
            Assert.DoesNotContain("Status.", TestText.Localizer.StatusLabel(status), StringComparison.Ordinal);
        }
        Assert.Equal(culture == "ko" ? "온라인" : "Online", TestText.Localizer.StatusLabel(DeviceStatus.Online));
    }
}
