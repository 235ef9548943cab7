using DigitalTwin.Core.Simulation;

namespace DigitalTwin.Tests.Simulation;

/// <summary>The simulated room's thermostat follows its setpoint and mode as they change.</summary>
public sealed class ThermostatTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly ThermalModelParameters ColdDay = new() { OutdoorMean = 0.0, OutdoorAmplitude = 0.0, Setpoint = 20.0 };

    [Fact]
    public void Setpoint_Raised_RoomSettlesAroundNewSetpoint()
    {
        var model = new ThermalModel(ColdDay, Midnight);
        model.Setpoint = 23.0;
        model.Advance(TimeSpan.FromHours(6));
        var temperatures = Enumerable.Range(0, 60).Select(_ =>
        {
            model.Advance(TimeSpan.FromMinutes(1));
            return model.Temperature;
        }).ToList();
        Assert.InRange(temperatures.Min(), 23.0 - ColdDay.HysteresisBand - 0.1, 23.0);
        Assert.InRange(temperatures.Max(), 23.0, 23.0 + ColdDay.HysteresisBand + 0.1);
    }

    [Fact]
    public void ModeOff_HeaterNeverOn_RoomCoolsTowardsOutdoor()
    {
        var model = new ThermalModel(ColdDay, Midnight) { Mode = ThermostatMode.Off };
        for (var i = 0; i < 60; i++)
        {
            model.Advance(TimeSpan.FromMinutes(10));
            Assert.False(model.HeaterOn);
        }
        Assert.True(model.Temperature < 20.0 * Math.Exp(-10.0 / 3.0) + 0.5, $"{model.Temperature} °C after 10 h off");
    }

    [Fact]
    public void ModeForceOn_HeaterAlwaysOn_RoomWarmsPastSetpoint()
    {
        var model = new ThermalModel(ColdDay, Midnight) { Mode = ThermostatMode.ForceOn };
        model.Advance(TimeSpan.FromHours(2));
        Assert.True(model.HeaterOn);
        Assert.True(model.Temperature > 21.0, $"{model.Temperature} °C after 2 h forced on");
    }

    [Theory]
    [InlineData("auto", ThermostatMode.Auto)]
    [InlineData("off", ThermostatMode.Off)]
    [InlineData("forceOn", ThermostatMode.ForceOn)]
    public void Modes_RoundTrip(string text, ThermostatMode mode)
    {
        Assert.True(ThermostatModes.TryParse(text, out var parsed));
        Assert.Equal((mode, text), (parsed, ThermostatModes.ToText(mode)));
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("on")]
    [InlineData(null)]
    public void Modes_OtherSpellings_Refused(string? text) => Assert.False(ThermostatModes.TryParse(text, out _));
}
