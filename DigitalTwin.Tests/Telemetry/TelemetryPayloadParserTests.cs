using System.Buffers;
using System.Text;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Telemetry;
/// <summary>Payloads the parser accepts, and the limits just inside and just outside.</summary>
public sealed class TelemetryPayloadParserTests : ParserTestBase
{
    [Fact]
    public void Parse_ObjectWithoutTs_OneReadingAtReceiveTime()
    {
        var result = Parse("""{"temperature":21.4,"humidity":40.2}""");

        var reading = Assert.Single(AssertValid(result));
        Assert.Equal(Device, reading.DeviceId);
        Assert.Equal(Now, reading.Timestamp);
        Assert.Equal(Now, reading.ReceivedAt);
        Assert.Equal([new MetricValue("temperature", 21.4), new MetricValue("humidity", 40.2)], reading.Metrics);
    }

    [Fact]
    public void Parse_BatchArray_OneReadingPerObjectInOrder()
    {
        var result = Parse("""
            [{"ts":"2024-05-01T09:00:00Z","temperature":21.4},
             {"ts":"2024-05-01T09:00:01Z","temperature":21.5,"humidity":40},
             {"temperature":-3}]
            """);

        var readings = AssertValid(result);
        Assert.Equal(3, readings.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), readings[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 1, TimeSpan.Zero), readings[1].Timestamp);
        Assert.Equal(Now, readings[2].Timestamp);
        Assert.Equal([new MetricValue("temperature", 21.5), new MetricValue("humidity", 40)], readings[1].Metrics);
        Assert.Equal([new MetricValue("temperature", -3)], readings[2].Metrics);
    }

    [Theory]
    [InlineData("\"2024-05-01T09:00:00Z\"")]
    [InlineData("\"2024-05-01T18:00:00+09:00\"")]
    [InlineData("\"2024-05-01T09:00:00\"")]
    [InlineData("1714554000000")]
    public void Parse_TsInEachAcceptedForm_SameUtcInstant(string ts)
    {
        var result = Parse($$"""{"ts":{{ts}},"temperature":1}""");

        var reading = Assert.Single(AssertValid(result));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero), reading.Timestamp);
        Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset);
        Assert.Equal(Now, reading.ReceivedAt);
    }

    [Fact]
    public void Parse_TsWithMilliseconds_KeepsMilliseconds()
    {
        var result = Parse("""{"ts":"2024-05-01T09:00:00.123Z","temperature":1}""");

        Assert.Equal(1714554000123, Assert.Single(AssertValid(result)).Timestamp.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Parse_DuplicateMetricKey_LastValueWins()
    {
        var result = Parse("""{"temperature":1,"humidity":2,"temperature":3}""");

        Assert.Equal([new MetricValue("temperature", 3), new MetricValue("humidity", 2)], Assert.Single(AssertValid(result)).Metrics);
    }

    [Fact]
    public void Parse_PayloadSplitAcrossSegments_ParsesLikeOneSegment()
    {
        // MQTT payloads arrive as ReadOnlySequence<byte> and may be split anywhere, even inside a token.
        var bytes = Encoding.UTF8.GetBytes("""{"ts":1714554000000,"temperature":21.25}""");
        var first = new Segment(bytes.AsMemory(0, 13));
        var last = first.Append(bytes.AsMemory(13));
        var result = Parser().Parse(Device, new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        var reading = Assert.Single(AssertValid(result));
        Assert.Equal(1714554000000, reading.Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal([new MetricValue("temperature", 21.25)], reading.Metrics);
    }

    [Fact]
    public void Parse_TsExactlyAtMaxFutureSkew_Accepted()
    {
        var ts = (Now + TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds();

        var result = Parse($$"""{"ts":{{ts}},"temperature":1}""");

        Assert.Equal(ts, Assert.Single(AssertValid(result)).Timestamp.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Parse_TsOneMillisecondBeyondMaxFutureSkew_RejectedAsTimestampInFuture()
    {
        var ts = (Now + TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds() + 1;

        var result = Parse($$"""{"ts":{{ts}},"temperature":1}""");

        AssertRejected(result, RejectReason.TimestampInFuture, "ahead of the server clock", "300 s");
    }

    [Fact]
    public void Parse_TsInFutureAfterClockAdvances_Accepted()
    {
        // The skew is measured against the clock when the message arrives, not when the parser was built.
        var parser = Parser();
        Time.Advance(TimeSpan.FromHours(1));

        var result = parser.Parse(Device, Utf8("""{"ts":"2026-11-26T13:04:00Z","temperature":1}"""));

        Assert.Equal(Now + TimeSpan.FromHours(1), Assert.Single(AssertValid(result)).ReceivedAt);
    }

    [Fact]
    public void Parse_BatchAtMaxReadings_Accepted()
    {
        var result = Parse("""[{"a":1},{"a":2},{"a":3}]""", maxReadings: 3);

        Assert.Equal(3, AssertValid(result).Count);
    }

    [Fact]
    public void Parse_BatchOverMaxReadings_RejectedAsTooManyReadings()
    {
        var result = Parse("""[{"a":1},{"a":2},{"a":3},{"a":4}]""", maxReadings: 3);

        AssertRejected(result, RejectReason.TooManyReadings, "more than 3 readings");
    }

    [Fact]
    public void Parse_PayloadAtMaxBytes_Accepted()
    {
        var payload = """{"temperature":1}""".PadRight(64);

        Assert.True(Parse(payload, maxBytes: 64).IsValid);
    }

    [Fact]
    public void Parse_PayloadOverMaxBytes_RejectedAsPayloadTooLarge()
    {
        var payload = """{"temperature":1}""".PadRight(65);

        AssertRejected(Parse(payload, maxBytes: 64), RejectReason.PayloadTooLarge, "65 bytes", "at most 64");
    }
}
