using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Telemetry;

namespace DigitalTwin.Tests.Telemetry;

public sealed class HistoryRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_OnlyMetric_LastHourUntilNowAsAvg()
    {
        var query = AssertParsed(HistoryRequest.Parse("it-1", "temperature", null, null, null, null, Now));

        Assert.Equal(new HistoryQuery("it-1", "temperature", Now.AddHours(-1), Now, null, Aggregation.Avg), query);
    }

    [Fact]
    public void Parse_FullIsoQuery_AllPartsParsed()
    {
        var query = AssertParsed(HistoryRequest.Parse("it-1", "humidity",
            "2024-05-01T09:00:00Z", "2024-05-01T19:00:00+09:00", "1m", "max", Now));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), query.To);
        Assert.Equal(TimeSpan.FromMinutes(1), query.Interval);
        Assert.Equal(Aggregation.Max, query.Aggregation);
    }

    [Fact]
    public void Parse_UnixMilliseconds_ParsedAsUtc()
    {
        var query = AssertParsed(HistoryRequest.Parse("it-1", "temperature", "1714554000000", "1714557600000", null, null, Now));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), query.To);
    }

    [Fact]
    public void Parse_IsoWithoutOffset_TakenAsUtc()
    {
        var query = AssertParsed(HistoryRequest.Parse("it-1", "temperature", "2024-05-01T09:00:00", "2024-05-01T10:00:00", null, null, Now));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(TimeSpan.Zero, query.From.Offset);
    }

    [Fact]
    public void Parse_OnlyTo_FromIsOneHourEarlier()
    {
        var query = AssertParsed(HistoryRequest.Parse("it-1", "temperature", null, "2024-05-01T10:00:00Z", null, null, Now));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), query.From);
    }

    [Theory]
    [InlineData("avg", Aggregation.Avg)]
    [InlineData("MIN", Aggregation.Min)]
    [InlineData("Max", Aggregation.Max)]
    [InlineData("last", Aggregation.Last)]
    public void Parse_Aggregation_CaseInsensitive(string agg, Aggregation expected)
    {
        Assert.Equal(expected, AssertParsed(HistoryRequest.Parse("it-1", "t", null, null, null, agg, Now)).Aggregation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1temperature")]
    [InlineData("temp erature")]
    public void Parse_MissingOrInvalidMetric_ErrorNamesMetric(string? metric)
    {
        AssertError(HistoryRequest.Parse("it-1", metric, null, null, null, null, Now), "'metric'");
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z")]
    [InlineData("2024-05-01T11:00:00Z", "2024-05-01T10:00:00Z")]
    public void Parse_FromNotBeforeTo_Error(string from, string to)
    {
        AssertError(HistoryRequest.Parse("it-1", "t", from, to, null, null, Now), "must be before 'to'");
    }

    [Fact]
    public void Parse_RangeOverMax_Error()
    {
        AssertError(HistoryRequest.Parse("it-1", "t", "2023-01-01T00:00:00Z", "2024-05-01T00:00:00Z", null, null, Now), "at most 400 days");
    }

    [Theory]
    [InlineData("yesterday", null, "'from'")]
    [InlineData(null, "tomorrow", "'to'")]
    [InlineData("-5", null, "'from'")]
    [InlineData(null, "99999999999999999", "'to'")]
    [InlineData("99999999999999999999999", null, "'from'")]
    public void Parse_BadTime_ErrorNamesParameter(string? from, string? to, string parameter)
    {
        AssertError(HistoryRequest.Parse("it-1", "t", from, to, null, null, Now), parameter);
    }

    [Fact]
    public void Parse_ToAtMinimumWithoutFrom_ErrorInsteadOfException()
    {
        var result = HistoryRequest.Parse("it-1", "t", null, "0001-01-01T00:00:00Z", null, null, Now);

        Assert.Null(result.Query);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("0s")]
    [InlineData("-1m")]
    [InlineData("99999999999999999d")]
    public void Parse_BadInterval_ErrorNamesInterval(string interval)
    {
        AssertError(HistoryRequest.Parse("it-1", "t", null, null, interval, null, Now), "'interval'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("median")]
    [InlineData("sum")]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("avg,max")]
    public void Parse_BadAggregation_ErrorListsChoices(string agg)
    {
        AssertError(HistoryRequest.Parse("it-1", "t", null, null, null, agg, Now), "must be one of avg, min, max, last");
    }

    private static HistoryQuery AssertParsed((HistoryQuery? Query, string? Error) result)
    {
        Assert.Null(result.Error);
        return Assert.IsType<HistoryQuery>(result.Query);
    }

    private static void AssertError((HistoryQuery? Query, string? Error) result, string part)
    {
        Assert.Null(result.Query);
        Assert.NotNull(result.Error);
        Assert.Contains(part, result.Error, StringComparison.Ordinal);
    }
}
