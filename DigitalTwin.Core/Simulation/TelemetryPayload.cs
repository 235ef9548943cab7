using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Core.Simulation;

/// <summary>Writes the telemetry JSON a real thermometer sends:
/// <c>{"ts":"2024-05-01T09:00:00.000Z","temperature":21.43,"humidity":40.2}</c>, with
/// <c>"outdoorTemperature":8.1,"heater":1</c> when the reading has them.</summary>
internal static class TelemetryPayload
{
    public static byte[] Serialize(DateTimeOffset timestamp, ThermometerReading reading)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ts", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteNumber("temperature", reading.Temperature);
            writer.WriteNumber("humidity", reading.Humidity);
            if (reading.OutdoorTemperature is { } outdoor)
            {
                writer.WriteNumber("outdoorTemperature", outdoor);
            }
            if (reading.HeaterOn is { } heater)
            {
                writer.WriteNumber("heater", heater ? 1 : 0);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
