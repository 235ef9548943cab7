using System.Text.Json;

namespace DigitalTwin.Core.Telemetry;

/// <summary>Reads the optional <c>ts</c> field: ISO-8601 text (UTC when no offset is given) or Unix milliseconds.</summary>
internal static class TelemetryTimestamp
{
    public static ParseResult? Parse(ref Utf8JsonReader reader, TelemetryPayloadParser.ParseContext context, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var ms) || ms < context.Earliest.ToUnixTimeMilliseconds() || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return Invalid($"'ts' {FormatNumber(ref reader)} is not a Unix time in milliseconds after 2000-01-01.");
            }
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            if (!reader.TryGetDateTime(out var dt))
            {
                return Invalid($"'ts' \"{TelemetryPayloadParser.Truncate(reader.GetString()!)}\" is not an ISO-8601 date and time.");
            }
            timestamp = dt.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(dt, TimeSpan.Zero)
                : new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero);
            if (timestamp < context.Earliest)
            {
                return Invalid($"'ts' {timestamp:O} is before 2000-01-01.");
            }
        }
        else
        {
            return Invalid($"'ts' is a JSON {TelemetryPayloadParser.Describe(reader.TokenType)}; expected ISO-8601 text or Unix milliseconds.");
        }
        var latest = context.ReceivedAt + context.Options.MaxFutureSkew;
        if (timestamp > latest)
        {
            return ParseResult.Reject(RejectReason.TimestampInFuture,
                $"'ts' {timestamp:O} is {(timestamp - context.ReceivedAt).TotalSeconds:N0} s ahead of the server clock; at most {context.Options.MaxFutureSkew.TotalSeconds:N0} s are allowed.");
        }
        return null;
    }

    private static ParseResult Invalid(string detail) => ParseResult.Reject(RejectReason.InvalidTimestamp, detail);

    private static string FormatNumber(ref Utf8JsonReader reader) =>
        reader.TryGetDouble(out var d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "(number)";
}
