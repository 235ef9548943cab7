using System.Globalization;
using System.Text;
using DigitalTwin.Core.Simulation;

namespace DigitalTwin.Tests.Simulation;

public sealed class TelemetryPayloadTests
{
    [Fact]
    public void Serialize_Reading_WritesContractJson()
    {
        var timestamp = new DateTimeOffset(2024, 5, 1, 18, 0, 0, 123, TimeSpan.FromHours(9));

        var json = Encoding.UTF8.GetString(TelemetryPayload.Serialize(timestamp, new ThermometerReading(21.43, 40.2)));

        Assert.Equal("""{"ts":"2024-05-01T09:00:00.123Z","temperature":21.43,"humidity":40.2}""", json);
    }

    [Fact]
    public void Serialize_CommaDecimalCulture_StillWritesInvariantJson()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var json = Encoding.UTF8.GetString(
                TelemetryPayload.Serialize(DateTimeOffset.UnixEpoch, new ThermometerReading(-3.5, 99.9)));

            Assert.Equal("""{"ts":"1970-01-01T00:00:00.000Z","temperature":-3.5,"humidity":99.9}""", json);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Serialize_RoomInputs_WritesOutdoorTemperatureAndHeater()
    {
        var json = Encoding.UTF8.GetString(
            TelemetryPayload.Serialize(DateTimeOffset.UnixEpoch, new ThermometerReading(20.5, 41.0, 7.3, HeaterOn: true)));

        Assert.Equal("""{"ts":"1970-01-01T00:00:00.000Z","temperature":20.5,"humidity":41,"outdoorTemperature":7.3,"heater":1}""", json);
    }
}
