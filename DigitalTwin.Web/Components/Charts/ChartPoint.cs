using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Web.Components.Charts;

/// <summary>One point of a time series.</summary>
/// <param name="X">Unix time in milliseconds (the datetime x axis).</param>
/// <param name="Y">The value; null leaves a gap in the line.</param>
[JsonConverter(typeof(ChartPointJsonConverter))]
public readonly record struct ChartPoint(long X, double? Y)
{
    public static ChartPoint At(DateTimeOffset time, double? y) => new(time.ToUnixTimeMilliseconds(), y);
}

/// <summary>A named series of points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Data);

/// <summary>
/// Writes a point as ApexCharts' compact <c>[x, y]</c> pair: half the bytes of <c>{"x":..,"y":..}</c>
/// on every live update, and a null <c>y</c> survives the ignore-nulls policy.
/// </summary>
internal sealed class ChartPointJsonConverter : JsonConverter<ChartPoint>
{
    public override ChartPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A chart point is an [x, y] array.");
        }

        reader.Read();
        var x = reader.GetInt64();
        reader.Read();
        double? y = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A chart point has exactly two elements.");
        }

        return new ChartPoint(x, y);
    }

    public override void Write(Utf8JsonWriter writer, ChartPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        if (value.Y is { } y && double.IsFinite(y))
        {
            writer.WriteNumberValue(y);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndArray();
    }
}
