using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Web.Components.Charts;

/// <summary>The one JSON shape for everything sent to ApexCharts: camelCase, nulls left out.</summary>
public static class ChartJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
