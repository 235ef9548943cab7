using DigitalTwin.Core.History;

namespace DigitalTwin.Tests.History;

public sealed class HistoryIntervalTests
{
    private static readonly DateTimeOffset From = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Choose_RequestedFitsWithinMaxPoints_KeepsRequested()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), HistoryInterval.Choose(From, From.AddHours(1), TimeSpan.FromMinutes(1), 1000));
    }

    [Fact]
    public void Choose_RequestedExactlyAtMaxPoints_KeepsRequested()
    {
        // 1,000 one-second buckets fit exactly.
        Assert.Equal(TimeSpan.FromSeconds(1), HistoryInterval.Choose(From, From.AddSeconds(1000), TimeSpan.FromSeconds(1), 1000));
    }

    [Theory]
    [InlineData(3600, 1, 5)]        // 1 h at 1 s would be 3,600 points: 5 s is the smallest step within 1,000
    [InlineData(86_400, 1, 120)]    // 1 day: 86.4 s minimum, widened to 2 min
    [InlineData(86_400, 60, 120)]
    [InlineData(1001, 1, 2)]
    public void Choose_RequestedTooFine_WidensToSmallestStepWithinMaxPoints(int rangeSeconds, int requestedSeconds, int expectedSeconds)
    {
        var interval = HistoryInterval.Choose(From, From.AddSeconds(rangeSeconds), TimeSpan.FromSeconds(requestedSeconds), 1000);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), interval);
        Assert.True(rangeSeconds / interval.TotalSeconds <= 1000);
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(3600, 5)]
    [InlineData(400 * 86_400, 12 * 3600)]
    public void Choose_NoRequest_SmallestStepWithinMaxPoints(int rangeSeconds, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), HistoryInterval.Choose(From, From.AddSeconds(rangeSeconds), null, 1000));
    }

    [Fact]
    public void Choose_RangeBeyondLargestStep_WholeDaysWithinMaxPoints()
    {
        var interval = HistoryInterval.Choose(From, From.AddDays(100_000), null, 1000);

        Assert.Equal(TimeSpan.FromDays(100), interval);
    }

    [Fact]
    public void Choose_RequestedBelowOneMillisecond_UsesAStep()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), HistoryInterval.Choose(From, From.AddSeconds(10), TimeSpan.FromTicks(10), 1000));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m", 60_000)]
    [InlineData("15m", 900_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData(" 2s ", 2_000)]
    [InlineData("00:01:00", 60_000)]
    [InlineData("1.00:00:00", 86_400_000)]
    public void TryParse_SupportedForm_ReturnsInterval(string text, long expectedMs)
    {
        Assert.True(HistoryInterval.TryParse(text, out var interval));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), interval);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("s")]
    [InlineData("ms")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("1.5s")]
    [InlineData("10x")]
    [InlineData("1 m")]
    [InlineData("minute")]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("5")]
    public void TryParse_Unsupported_ReturnsFalse(string? text)
    {
        Assert.False(HistoryInterval.TryParse(text, out _));
    }

    [Theory]
    [InlineData("99999999999999999ms")]
    [InlineData("99999999999999999s")]
    [InlineData("99999999999999999m")]
    [InlineData("99999999999999999h")]
    [InlineData("99999999999999999d")]
    [InlineData("99999999999999999999d")]
    public void TryParse_TooLargeToRepresent_ReturnsFalse(string text)
    {
        Assert.False(HistoryInterval.TryParse(text, out _));
    }
}
