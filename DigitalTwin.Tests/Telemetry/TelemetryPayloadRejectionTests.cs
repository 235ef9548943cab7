using System.Buffers;
using System.Text;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Telemetry;
/// <summary>Every way a payload is refused, each with a detail that names the problem.</summary>
public sealed class TelemetryPayloadRejectionTests : ParserTestBase
{
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
}
