using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Turns a telemetry payload (the contract in DESIGN.md: a JSON object of numeric metrics with an
/// optional <c>ts</c>, or an array of such objects) into readings, or says precisely why not.
/// A payload is accepted or refused as a whole, so a batch is never half stored.
/// </summary>
public sealed class TelemetryPayloadParser(IOptions<TelemetryOptions> options, TimeProvider time)
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TelemetryOptions _options = options.Value;

    public ParseResult Parse(string deviceId, ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return ParseResult.Reject(RejectReason.EmptyPayload, "The payload is empty.");
        }
        if (payload.Length > _options.MaxPayloadBytes)
        {
            return ParseResult.Reject(RejectReason.PayloadTooLarge,
                $"The payload has {payload.Length:N0} bytes; at most {_options.MaxPayloadBytes:N0} are accepted.");
        }
        var context = new ParseContext(deviceId, time.GetUtcNow(), _options);
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 4 });
        try
        {
            var result = ParseRoot(ref reader, context);
            while (result.IsValid && reader.Read())
            {
                // Reading on surfaces trailing garbage as a JsonException.
            }
            return result;
        }
        catch (JsonException) when (reader.TokenType == JsonTokenType.None && IsWhiteSpace(payload))
        {
            // The reader throws, rather than returning false, on a final block with no token.
            return ParseResult.Reject(RejectReason.EmptyPayload, "The payload holds only white space.");
        }
        catch (JsonException ex)
        {
            return ParseResult.Reject(RejectReason.InvalidJson, $"The payload is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // The reader validates UTF-8 only when a string is transcoded (GetString), and throws this then.
            return ParseResult.Reject(RejectReason.InvalidJson, $"The payload is not valid UTF-8 JSON: {ex.Message}");
        }
    }

    public ParseResult Parse(string deviceId, ReadOnlyMemory<byte> payload) =>
        Parse(deviceId, new ReadOnlySequence<byte>(payload));

    private static ParseResult ParseRoot(ref Utf8JsonReader reader, ParseContext context)
    {
        if (!reader.Read())
        {
            return ParseResult.Reject(RejectReason.EmptyPayload, "The payload holds only white space.");
        }
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ParseObject(ref reader, context, index: null, out var reading) is { } error
                ? error
                : ParseResult.Ok([reading!]);
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return ParseResult.Reject(RejectReason.NotAnObject,
                $"The payload is a JSON {Describe(reader.TokenType)}; expected an object of metrics or an array of such objects.");
        }
        var readings = new List<TelemetryReading>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (readings.Count == context.Options.MaxReadingsPerMessage)
            {
                return ParseResult.Reject(RejectReason.TooManyReadings,
                    $"The batch holds more than {context.Options.MaxReadingsPerMessage:N0} readings.");
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Reject(RejectReason.NotAnObject,
                    $"Reading {readings.Count} is a JSON {Describe(reader.TokenType)}; expected an object of metrics.");
            }
            if (ParseObject(ref reader, context, readings.Count, out var reading) is { } error)
            {
                return error;
            }
            readings.Add(reading!);
        }
        return readings.Count == 0
            ? ParseResult.Reject(RejectReason.NoMetrics, "The batch is an empty array.")
            : ParseResult.Ok(readings);
    }

    private static ParseResult? ParseObject(ref Utf8JsonReader reader, ParseContext context, int? index, out TelemetryReading? reading)
    {
        reading = null;
        var where = index is null ? "The " : $"Reading {index}: the ";
        DateTimeOffset? timestamp = null;
        var metrics = new List<MetricValue>(4);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "ts")
            {
                if (TelemetryTimestamp.Parse(ref reader, context, out var ts) is { } tsError)
                {
                    return tsError with { Detail = where + tsError.Detail };
                }
                timestamp = ts;
                continue;
            }
            if (!MetricName.IsValid(name))
            {
                return ParseResult.Reject(RejectReason.InvalidMetricName, $"{where}metric name '{Truncate(name)}' is not valid ({MetricName.Rule}).");
            }
            if (ParseValue(ref reader, name, where) is { } valueError)
            {
                return valueError;
            }
            AddOrReplace(metrics, new MetricValue(name, reader.GetDouble()));
            if (metrics.Count > context.Options.MaxMetricsPerReading)
            {
                return ParseResult.Reject(RejectReason.TooManyMetrics,
                    $"{where}object has more than {context.Options.MaxMetricsPerReading:N0} metrics (Telemetry:MaxMetricsPerReading).");
            }
        }
        if (metrics.Count == 0)
        {
            return ParseResult.Reject(RejectReason.NoMetrics, $"{where}object has no numeric metrics.");
        }
        reading = new TelemetryReading(context.DeviceId, timestamp ?? context.ReceivedAt, context.ReceivedAt, metrics);
        return null;
    }

    private static ParseResult? ParseValue(ref Utf8JsonReader reader, string name, string where)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var value) && double.IsFinite(value)
                    ? null
                    : ParseResult.Reject(RejectReason.NonFiniteValue, $"{where}metric '{name}' is out of the range of a finite number.");
            case JsonTokenType.String when reader.GetString() is "NaN" or "Infinity" or "-Infinity" or "+Infinity":
                return ParseResult.Reject(RejectReason.NonFiniteValue, $"{where}metric '{name}' is {reader.GetString()}; only finite numbers are stored.");
            case JsonTokenType.String:
                return ParseResult.Reject(RejectReason.NonNumericValue, $"{where}metric '{name}' is the string \"{Truncate(reader.GetString()!)}\"; metrics must be JSON numbers.");
            default:
                return ParseResult.Reject(RejectReason.NonNumericValue, $"{where}metric '{name}' is a JSON {Describe(reader.TokenType)}; metrics must be JSON numbers.");
        }
    }

    private static void AddOrReplace(List<MetricValue> metrics, MetricValue metric)
    {
        var existing = metrics.FindIndex(m => m.Name == metric.Name);
        if (existing >= 0)
        {
            metrics[existing] = metric;
        }
        else
        {
            metrics.Add(metric);
        }
    }

    private static bool IsWhiteSpace(ReadOnlySequence<byte> payload)
    {
        foreach (var segment in payload)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    internal static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal sealed record ParseContext(string DeviceId, DateTimeOffset ReceivedAt, TelemetryOptions Options)
    {
        public DateTimeOffset Earliest => TelemetryPayloadParser.Earliest;
    }
}
