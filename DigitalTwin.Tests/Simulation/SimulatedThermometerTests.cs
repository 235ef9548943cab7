using DigitalTwin.Core.Simulation;

namespace DigitalTwin.Tests.Simulation;

public sealed class SimulatedThermometerTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A room that never changes, so every reading differs from the truth by noise alone.</summary>
    private static ThermalModel SteadyRoom() => new(
        new ThermalModelParameters { OutdoorMean = 20.0, OutdoorAmplitude = 0.0, HeaterGain = 0.0 },
        Start,
        initialTemperature: 20.0);

    [Fact]
    public void Read_SameSeed_ReproducesReadings()
    {
        var first = SimulatedThermometer.ForDevice("thermo-", 2, Start);
        var second = SimulatedThermometer.ForDevice("thermo-", 2, Start);

        for (var i = 1; i <= 100; i++)
        {
            var instant = Start.AddMinutes(i);
            Assert.Equal(first.Read(instant), second.Read(instant));
        }
    }

    [Fact]
    public void Read_DifferentSeeds_GiveDifferentNoise()
    {
        var first = new SimulatedThermometer("a", SteadyRoom(), seed: 1);
        var second = new SimulatedThermometer("b", SteadyRoom(), seed: 2);

        var differing = Enumerable.Range(0, 50).Count(_ => first.Read(Start) != second.Read(Start));

        Assert.True(differing > 40, $"Only {differing} of 50 readings differed.");
    }

    [Fact]
    public void Read_ManyReadings_NoiseHasConfiguredSigma()
    {
        var model = SteadyRoom();
        var thermometer = new SimulatedThermometer("t", model, seed: 42, temperatureNoise: 0.08, humidityNoise: 0.5);

        var readings = Enumerable.Range(0, 20_000).Select(_ => thermometer.Read(Start)).ToArray();

        var (temperatureMean, temperatureSigma) = MeanAndSigma(readings.Select(r => r.Temperature));
        var (humidityMean, humiditySigma) = MeanAndSigma(readings.Select(r => r.Humidity));
        Assert.InRange(temperatureMean, model.Temperature - 0.005, model.Temperature + 0.005);
        Assert.InRange(temperatureSigma, 0.075, 0.085);
        Assert.InRange(humidityMean, model.RelativeHumidity - 0.03, model.RelativeHumidity + 0.03);
        Assert.InRange(humiditySigma, 0.47, 0.53);
    }

    [Fact]
    public void Read_Always_RoundsToSensorResolution()
    {
        var thermometer = SimulatedThermometer.ForDevice("thermo-", 1, Start);

        for (var i = 1; i <= 200; i++)
        {
            var reading = thermometer.Read(Start.AddMinutes(i));
            Assert.Equal(Math.Round(reading.Temperature, 2), reading.Temperature);
            Assert.Equal(Math.Round(reading.Humidity, 1), reading.Humidity);
            Assert.InRange(reading.Humidity, 0.0, 100.0);
        }
    }

    [Fact]
    public void ForDevice_DifferentIndices_GiveDifferentRooms()
    {
        var rooms = Enumerable.Range(1, 3).Select(ThermalModelParameters.ForDevice).ToArray();

        Assert.Equal(3, rooms.Select(r => r.TimeConstant).Distinct().Count());
        Assert.All(rooms, r => Assert.InRange(r.Setpoint, 19.5, 22.5));
        Assert.Equal(ThermalModelParameters.ForDevice(2), ThermalModelParameters.ForDevice(2));
    }

    [Fact]
    public void ForDevice_Index_NamesDeviceWithPrefix()
    {
        Assert.Equal("thermo-3", SimulatedThermometer.ForDevice("thermo-", 3, Start).DeviceId);
    }

    private static (double Mean, double Sigma) MeanAndSigma(IEnumerable<double> values)
    {
        var array = values.ToArray();
        var mean = array.Average();
        var variance = array.Sum(v => (v - mean) * (v - mean)) / (array.Length - 1);
        return (mean, Math.Sqrt(variance));
    }
}
