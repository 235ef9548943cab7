using System.Buffers;
using System.Text;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Telemetry;

public sealed class TelemetryPayloadParserTests
{
    private const string Device = "thermo-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

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
        _time.Advance(TimeSpan.FromHours(1));

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

    [Fact]
    public void Parse_EmptyPayload_RejectedAsEmptyPayload()
    {
        AssertRejected(Parse(""), RejectReason.EmptyPayload, "empty");
    }

    [Fact]
    public void Parse_WhitespaceOnly_RejectedAsEmptyPayload()
    {
        AssertRejected(Parse(" \r\n\t "), RejectReason.EmptyPayload, "white space");
    }

    [Theory]
    [InlineData("""{"temperature":2""")]
    [InlineData("""{"temperature":}""")]
    [InlineData("""{temperature:2}""")]
    [InlineData("""{"temperature":2,}""")]
    [InlineData("""[{"temperature":2}""")]
    public void Parse_MalformedJson_RejectedAsInvalidJson(string payload)
    {
        AssertRejected(Parse(payload), RejectReason.InvalidJson, "not valid JSON");
    }

    [Theory]
    [InlineData("""{"temperature":2} x""")]
    [InlineData("""{"temperature":2}{"temperature":3}""")]
    [InlineData("""[{"temperature":2}]]""")]
    public void Parse_TrailingGarbage_RejectedAsInvalidJson(string payload)
    {
        AssertRejected(Parse(payload), RejectReason.InvalidJson, "not valid JSON");
    }

    [Fact]
    public void Parse_BinaryGarbage_RejectedAsInvalidJson()
    {
        byte[] garbage = [0xFF, 0xFE, 0x00, 0x01, 0x7B, 0x80, 0xC3, 0x28];

        AssertRejected(Parser().Parse(Device, garbage), RejectReason.InvalidJson, "not valid JSON");
    }

    [Fact]
    public void Parse_InvalidUtf8InsideString_RejectedAsInvalidJson()
    {
        byte[] payload = [.. "{\"temperature\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(RejectReason.InvalidJson, Parser().Parse(Device, payload).Reason);
    }

    [Theory]
    [InlineData("42", "number")]
    [InlineData("\"hello\"", "string")]
    [InlineData("null", "null")]
    [InlineData("true", "boolean")]
    public void Parse_RootNotObjectOrArray_RejectedAsNotAnObject(string payload, string kind)
    {
        AssertRejected(Parse(payload), RejectReason.NotAnObject, $"is a JSON {kind}", "expected an object");
    }

    [Theory]
    [InlineData("""[{"a":1},5]""", "Reading 1 is a JSON number")]
    [InlineData("""["x"]""", "Reading 0 is a JSON string")]
    [InlineData("""[[{"a":1}]]""", "Reading 0 is a JSON array")]
    public void Parse_BatchItemNotObject_RejectedAsNotAnObject(string payload, string detail)
    {
        AssertRejected(Parse(payload), RejectReason.NotAnObject, detail);
    }

    [Fact]
    public void Parse_EmptyArray_RejectedAsNoMetrics()
    {
        AssertRejected(Parse("[]"), RejectReason.NoMetrics, "empty array");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"ts":"2024-05-01T09:00:00Z"}""")]
    public void Parse_ObjectWithoutMetrics_RejectedAsNoMetrics(string payload)
    {
        AssertRejected(Parse(payload), RejectReason.NoMetrics, "no numeric metrics");
    }

    [Fact]
    public void Parse_BatchItemWithoutMetrics_RejectedNamingTheReading()
    {
        AssertRejected(Parse("""[{"a":1},{}]"""), RejectReason.NoMetrics, "Reading 1", "no numeric metrics");
    }

    [Fact]
    public void Parse_StringValue_RejectedAsNonNumericValue()
    {
        AssertRejected(Parse("""{"temperature":"warm"}"""), RejectReason.NonNumericValue, "'temperature'", "the string \"warm\"");
    }

    [Fact]
    public void Parse_NumericString_RejectedAsNonNumericValue()
    {
        AssertRejected(Parse("""{"temperature":"21.4"}"""), RejectReason.NonNumericValue, "'temperature'", "must be JSON numbers");
    }

    [Theory]
    [InlineData("true", "boolean")]
    [InlineData("false", "boolean")]
    [InlineData("null", "null")]
    [InlineData("""{"value":1}""", "object")]
    [InlineData("[1,2]", "array")]
    public void Parse_NonNumberValue_RejectedAsNonNumericValue(string value, string kind)
    {
        AssertRejected(Parse($$"""{"temperature":{{value}}}"""), RejectReason.NonNumericValue, "'temperature'", $"is a JSON {kind}");
    }

    [Fact]
    public void Parse_NonNumericValueInBatch_RejectsWholeBatchNamingTheReading()
    {
        var result = Parse("""[{"temperature":1},{"temperature":2},{"temperature":"x"}]""");

        AssertRejected(result, RejectReason.NonNumericValue, "Reading 2", "'temperature'");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+Infinity")]
    public void Parse_NonFiniteString_RejectedAsNonFiniteValue(string value)
    {
        AssertRejected(Parse($$"""{"temperature":"{{value}}"}"""), RejectReason.NonFiniteValue, "'temperature'", $"is {value}");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Parse_NumberBeyondDoubleRange_RejectedAsNonFiniteValue(string value)
    {
        AssertRejected(Parse($$"""{"temperature":{{value}}}"""), RejectReason.NonFiniteValue, "'temperature'", "finite number");
    }

    [Fact]
    public void Parse_TinyNumber_AcceptedAsZero()
    {
        Assert.Equal(0, Assert.Single(Assert.Single(AssertValid(Parse("""{"t":1e-400}"""))).Metrics).Value);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("temp erature")]
    [InlineData("-temp")]
    [InlineData("")]
    [InlineData("température")]
    public void Parse_InvalidMetricName_RejectedAsInvalidMetricName(string name)
    {
        AssertRejected(Parse($$"""{"{{name}}":1}"""), RejectReason.InvalidMetricName, $"metric name '{name}' is not valid");
    }

    [Fact]
    public void Parse_MetricNameTooLong_RejectedAsInvalidMetricName()
    {
        var name = new string('m', 65);

        AssertRejected(Parse($$"""{"{{name}}":1}"""), RejectReason.InvalidMetricName, "is not valid");
    }

    [Fact]
    public void Parse_MetricNameAtMaxLength_Accepted()
    {
        var name = new string('m', 64);

        Assert.Equal(name, Assert.Single(Assert.Single(AssertValid(Parse($$"""{"{{name}}":1}"""))).Metrics).Name);
    }

    [Theory]
    [InlineData("\"yesterday\"", "\"yesterday\" is not an ISO-8601")]
    [InlineData("\"2024-13-01T00:00:00Z\"", "is not an ISO-8601")]
    [InlineData("\"\"", "is not an ISO-8601")]
    [InlineData("true", "is a JSON boolean")]
    [InlineData("null", "is a JSON null")]
    [InlineData("{}", "is a JSON object")]
    [InlineData("1714554000000.5", "is not a Unix time in milliseconds")]
    [InlineData("-1", "is not a Unix time in milliseconds")]
    [InlineData("1e30", "is not a Unix time in milliseconds")]
    public void Parse_GarbageTs_RejectedAsInvalidTimestamp(string ts, string detail)
    {
        AssertRejected(Parse($$"""{"ts":{{ts}},"temperature":1}"""), RejectReason.InvalidTimestamp, "'ts'", detail);
    }

    [Theory]
    [InlineData("\"1999-12-31T23:59:59Z\"", "before 2000-01-01")]
    [InlineData("\"1970-01-01T00:00:00Z\"", "before 2000-01-01")]
    [InlineData("946684799999", "after 2000-01-01")]
    [InlineData("0", "after 2000-01-01")]
    public void Parse_TsBefore2000_RejectedAsInvalidTimestamp(string ts, string detail)
    {
        AssertRejected(Parse($$"""{"ts":{{ts}},"temperature":1}"""), RejectReason.InvalidTimestamp, detail);
    }

    [Theory]
    [InlineData("\"2000-01-01T00:00:00Z\"")]
    [InlineData("946684800000")]
    public void Parse_TsAtStartOf2000_Accepted(string ts)
    {
        var result = Parse($$"""{"ts":{{ts}},"temperature":1}""");

        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(AssertValid(result)).Timestamp);
    }

    [Theory]
    [InlineData("\"2026-11-26T12:10:00Z\"")]
    [InlineData("\"2026-11-26T21:10:00+09:00\"")]
    [InlineData("\"9999-12-31T23:59:59Z\"")]
    [InlineData("253402300799999")]
    public void Parse_TsFarInFuture_RejectedAsTimestampInFuture(string ts)
    {
        AssertRejected(Parse($$"""{"ts":{{ts}},"temperature":1}"""), RejectReason.TimestampInFuture, "ahead of the server clock");
    }

    [Fact]
    public void Parse_BadTsInBatch_RejectedNamingTheReading()
    {
        var result = Parse("""[{"temperature":1},{"ts":"soon","temperature":2}]""");

        AssertRejected(result, RejectReason.InvalidTimestamp, "Reading 1: ", "\"soon\"");
    }

    [Fact]
    public void Parse_LongBadValue_DetailIsTruncated()
    {
        var value = new string('x', 500);

        var result = Parse($$"""{"temperature":"{{value}}"}""");

        Assert.Equal(RejectReason.NonNumericValue, result.Reason);
        Assert.InRange(result.Detail!.Length, 1, 200);
        Assert.Contains("…", result.Detail, StringComparison.Ordinal);
    }

    private ParseResult Parse(string payload, int maxBytes = 64 * 1024, int maxReadings = 1000) =>
        Parser(maxBytes, maxReadings).Parse(Device, Utf8(payload));

    private TelemetryPayloadParser Parser(int maxBytes = 64 * 1024, int maxReadings = 1000) =>
        new(Options.Create(new TelemetryOptions
        {
            MaxPayloadBytes = maxBytes,
            MaxReadingsPerMessage = maxReadings,
            MaxFutureSkew = TimeSpan.FromMinutes(5),
        }), _time);

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IReadOnlyList<TelemetryReading> AssertValid(ParseResult result)
    {
        Assert.True(result.IsValid, $"Expected a valid payload, got {result.Reason}: {result.Detail}");
        Assert.Null(result.Reason);
        return result.Readings!;
    }

    private static void AssertRejected(ParseResult result, RejectReason reason, params string[] detailParts)
    {
        Assert.False(result.IsValid, "Expected the payload to be refused.");
        Assert.Equal(reason, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        foreach (var part in detailParts)
        {
            Assert.Contains(part, result.Detail, StringComparison.Ordinal);
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
