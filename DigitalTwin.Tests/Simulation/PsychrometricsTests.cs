using DigitalTwin.Core.Simulation;

namespace DigitalTwin.Tests.Simulation;

public sealed class PsychrometricsTests
{
    [Theory]
    [InlineData(0.0, 6.11)]
    [InlineData(20.0, 23.37)]
    [InlineData(30.0, 42.43)]
    public void SaturationVapourPressure_KnownTemperatures_MatchesTables(double temperature, double expected)
    {
        // Tabulated values (hPa) agree with the Magnus formula to well within 0.5 %.
        Assert.InRange(Psychrometrics.SaturationVapourPressure(temperature), expected * 0.995, expected * 1.005);
    }

    [Fact]
    public void RelativeHumidity_TemperatureRisesAtConstantVapourPressure_Falls()
    {
        var vapourPressure = Psychrometrics.VapourPressure(5.0, 80.0);

        var previous = double.MaxValue;
        for (var temperature = 5.0; temperature <= 25.0; temperature += 1.0)
        {
            var rh = Psychrometrics.RelativeHumidity(temperature, vapourPressure);
            Assert.True(rh < previous, $"RH did not fall at {temperature} °C.");
            previous = rh;
        }
        Assert.InRange(previous, 20.0, 30.0);
    }

    [Fact]
    public void RelativeHumidity_RoundTripsThroughVapourPressure()
    {
        var vapourPressure = Psychrometrics.VapourPressure(18.5, 55.0);

        Assert.Equal(55.0, Psychrometrics.RelativeHumidity(18.5, vapourPressure), 9);
    }

    [Fact]
    public void RelativeHumidity_Supersaturated_ClampsTo100()
    {
        Assert.Equal(100.0, Psychrometrics.RelativeHumidity(10.0, 50.0));
    }
}
