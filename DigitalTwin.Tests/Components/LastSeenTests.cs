using Bunit;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Twins;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Tests.Components;

public sealed class LastSeenTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, "5 s ago")]
    [InlineData(59, "59 s ago")]
    [InlineData(60, "1 min ago")]
    [InlineData(3 * 60 + 20, "3 min ago")]
    [InlineData(2 * 3600 + 59 * 60, "2 h ago")]
    [InlineData(3 * 86400 + 5, "3 d ago")]
    public void Relative_PastTime_FormatsLargestUnit(int secondsAgo, string expected) =>
        Assert.Equal(expected, TestText.Localizer.Ago(Now.AddSeconds(-secondsAgo), Now));

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Relative_NowOrFuture_IsJustNow(int secondsAgo) =>
        Assert.Equal("just now", TestText.Localizer.Ago(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Render_Timestamp_ShowsRelativeTextAndAbsoluteTitle()
    {
        var at = Now.AddSeconds(-5);

        var cut = Context.Render<LastSeen>(p => p.Add(c => c.At, at).Add(c => c.Now, Now));

        var time = cut.Find("time");
        Assert.Equal("5 s ago", time.TextContent);
        Assert.Equal("2024-05-01 11:59:55 +00:00", time.GetAttribute("title"));
        Assert.Equal("2024-05-01T11:59:55.0000000+00:00", time.GetAttribute("datetime"));
    }

    [Fact]
    public void Render_NoTimestamp_ShowsNever()
    {
        var cut = Context.Render<LastSeen>(p => p.Add(c => c.At, null).Add(c => c.Now, Now));

        Assert.Equal("never", cut.Find("[data-testid=last-seen]").TextContent);
        Assert.Empty(cut.FindAll("time"));
    }

    [Fact]
    public void Render_LaterNow_UpdatesText()
    {
        var cut = Context.Render<LastSeen>(p => p.Add(c => c.At, Now).Add(c => c.Now, Now.AddSeconds(10)));

        cut.Render(p => p.Add(c => c.Now, Now.AddMinutes(3)));

        Assert.Equal("3 min ago", cut.Find("time").TextContent);
    }
}
