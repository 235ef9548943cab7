using System.Buffers;
using System.Text;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Telemetry;
/// <summary>The parser under test with a controlled clock, and the assertions its tests share.</summary>
public abstract class ParserTestBase
{
    protected const string Device = "thermo-1";
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Now);

    protected ParseResult Parse(string payload, int maxBytes = 64 * 1024, int maxReadings = 1000) =>
        Parser(maxBytes, maxReadings).Parse(Device, Utf8(payload));

    protected TelemetryPayloadParser Parser(int maxBytes = 64 * 1024, int maxReadings = 1000) =>
        new(Options.Create(new TelemetryOptions
        {
            MaxPayloadBytes = maxBytes,
            MaxReadingsPerMessage = maxReadings,
            MaxFutureSkew = TimeSpan.FromMinutes(5),
        }), Time);

    protected static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    protected static IReadOnlyList<TelemetryReading> AssertValid(ParseResult result)
    {
        Assert.True(result.IsValid, $"Expected a valid payload, got {result.Reason}: {result.Detail}");
        Assert.Null(result.Reason);
        return result.Readings!;
    }

    protected static void AssertRejected(ParseResult result, RejectReason reason, params string[] detailParts)
    {
        Assert.False(result.IsValid, "Expected the payload to be refused.");
        Assert.Equal(reason, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        foreach (var part in detailParts)
        {
            Assert.Contains(part, result.Detail, StringComparison.Ordinal);
        }
    }

    protected sealed class Segment : ReadOnlySequenceSegment<byte>
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
