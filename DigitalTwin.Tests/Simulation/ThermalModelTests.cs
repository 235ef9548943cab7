using DigitalTwin.Core.Simulation;

namespace DigitalTwin.Tests.Simulation;

public sealed class ThermalModelTests
{
    // Midnight with zero offset, so the local hour of day is the hour of the UTC clock.
    private static readonly DateTimeOffset Midnight = new(2024, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>A thermostat that never calls for heat, and a steady outdoor temperature: the room just relaxes.</summary>
    private static readonly ThermalModelParameters Unheated = new()
    {
        OutdoorMean = 5.0,
        OutdoorAmplitude = 0.0,
        Setpoint = -100.0,
        TimeConstant = TimeSpan.FromHours(3),
    };

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(180)]
    [InlineData(720)]
    public void Advance_HeaterOffSteadyOutdoor_MatchesExponentialSolution(int minutes)
    {
        var model = new ThermalModel(Unheated, Midnight, initialTemperature: 20.0);

        for (var i = 0; i < minutes; i++)
        {
            model.Advance(Minute);
        }

        var expected = 5.0 + (15.0 * Math.Exp(-minutes * 60.0 / Unheated.TimeConstant.TotalSeconds));
        Assert.Equal(expected, model.Temperature, 9);
        Assert.False(model.HeaterOn);
    }

    [Fact]
    public void Advance_HeaterOffForManyTimeConstants_ConvergesToOutdoor()
    {
        var model = new ThermalModel(Unheated, Midnight, initialTemperature: 20.0);

        model.Advance(TimeSpan.FromHours(48));

        Assert.Equal(Unheated.OutdoorMean, model.Temperature, 4);
    }

    [Fact]
    public void Advance_ColdDayAfterWarmUp_StaysWithinHysteresisBand()
    {
        var parameters = new ThermalModelParameters { OutdoorMean = 0.0, OutdoorAmplitude = 4.0 };
        var model = new ThermalModel(parameters, Midnight, initialTemperature: 0.0);
        model.Advance(TimeSpan.FromHours(12));

        var switches = 0;
        var wasOn = model.HeaterOn;
        for (var i = 0; i < 48 * 60; i++)
        {
            model.Advance(Minute);
            Assert.InRange(
                model.Temperature,
                parameters.Setpoint - parameters.HysteresisBand - 0.05,
                parameters.Setpoint + parameters.HysteresisBand + 0.05);
            switches += model.HeaterOn == wasOn ? 0 : 1;
            wasOn = model.HeaterOn;
        }

        // The thermostat really cycles: roughly every half hour on a day like this.
        Assert.True(switches > 48, $"Only {switches} heater switches in 48 h.");
    }

    [Fact]
    public void Advance_HeaterOff_FollowsDailyCycleWithLagAndDamping()
    {
        var parameters = Unheated with { OutdoorMean = 10.0, OutdoorAmplitude = 5.0, OutdoorPeakHour = 15.0 };
        var model = new ThermalModel(parameters, Midnight, initialTemperature: 10.0);
        model.Advance(TimeSpan.FromDays(3));

        var (max, maxHour, min) = (double.MinValue, 0.0, double.MaxValue);
        for (var i = 0; i < 24 * 60; i++)
        {
            model.Advance(Minute);
            if (model.Temperature > max)
            {
                (max, maxHour) = (model.Temperature, model.Time.TimeOfDay.TotalHours);
            }
            min = Math.Min(min, model.Temperature);
        }

        // A first-order system driven at ω lags by atan(ωτ)/ω and damps by 1/√(1+(ωτ)²).
        var omegaTau = 2.0 * Math.PI / 24.0 * parameters.TimeConstant.TotalHours;
        var lagHours = Math.Atan(omegaTau) / (2.0 * Math.PI / 24.0);
        Assert.InRange(maxHour, 15.0 + lagHours - 0.1, 15.0 + lagHours + 0.1);
        Assert.Equal(5.0 / Math.Sqrt(1.0 + (omegaTau * omegaTau)), (max - min) / 2.0, 1);
    }

    [Fact]
    public void Advance_HourLongSteps_MatchMinuteSteps()
    {
        var parameters = new ThermalModelParameters { OutdoorMean = 2.0 };
        var coarse = new ThermalModel(parameters, Midnight, initialTemperature: 2.0);
        var fine = new ThermalModel(parameters, Midnight, initialTemperature: 2.0);

        for (var hour = 0; hour < 72; hour++)
        {
            coarse.Advance(TimeSpan.FromHours(1));
            for (var i = 0; i < 60; i++)
            {
                fine.Advance(Minute);
            }
            Assert.Equal(fine.Temperature, coarse.Temperature, 6);
        }
    }

    [Fact]
    public void Advance_StepsFarLongerThanTimeConstant_StayBounded()
    {
        // τ = 1 s against 10 s sub-steps: an explicit Euler step would oscillate and diverge.
        var parameters = new ThermalModelParameters
        {
            TimeConstant = TimeSpan.FromSeconds(1),
            AirExchangeTimeConstant = TimeSpan.FromSeconds(1),
            HeaterGain = 0.0,
        };
        var model = new ThermalModel(parameters, Midnight, initialTemperature: 40.0);

        for (var i = 0; i < 7; i++)
        {
            model.Advance(TimeSpan.FromDays(1));
            Assert.InRange(
                model.Temperature,
                parameters.OutdoorMean - parameters.OutdoorAmplitude,
                parameters.OutdoorMean + parameters.OutdoorAmplitude);
            Assert.InRange(model.RelativeHumidity, 0.0, 100.0);
        }
    }

    [Fact]
    public void Advance_WeekInOneCall_StaysPhysical()
    {
        var parameters = new ThermalModelParameters();
        var model = new ThermalModel(parameters, Midnight, initialTemperature: -10.0);

        model.Advance(TimeSpan.FromDays(7));

        Assert.True(double.IsFinite(model.Temperature));
        Assert.InRange(model.Temperature, parameters.Setpoint - 0.6, parameters.Setpoint + 0.6);
        Assert.Equal(Midnight.AddDays(7), model.Time);
    }

    [Fact]
    public void Advance_HeatedRoomOnColdDay_AirIsDrierIndoors()
    {
        var parameters = new ThermalModelParameters { OutdoorMean = 0.0, OutdoorAmplitude = 0.0, OutdoorRelativeHumidity = 80.0 };
        var model = new ThermalModel(parameters, Midnight);

        model.Advance(TimeSpan.FromHours(12));

        // Outdoor vapour content at 21 °C: 4.9 hPa + 2 hPa from inside over 24.9 hPa ≈ 28 %RH.
        Assert.InRange(model.RelativeHumidity, 20.0, 35.0);
        Assert.Equal(model.OutdoorVapourPressure + parameters.InternalVapourExcess, model.VapourPressure, 6);
    }

    [Fact]
    public void AdvanceTo_EarlierInstant_ChangesNothing()
    {
        var model = new ThermalModel(new ThermalModelParameters(), Midnight);
        model.AdvanceTo(Midnight.AddHours(1));
        var temperature = model.Temperature;

        model.AdvanceTo(Midnight);

        Assert.Equal(temperature, model.Temperature);
        Assert.Equal(Midnight.AddHours(1), model.Time);
    }

    [Fact]
    public void OutdoorTemperatureAt_PeakAndTrough_AreMeanPlusMinusAmplitude()
    {
        var model = new ThermalModel(new ThermalModelParameters { OutdoorMean = 8.0, OutdoorAmplitude = 5.0 }, Midnight);

        Assert.Equal(13.0, model.OutdoorTemperatureAt(Midnight.AddHours(15)), 9);
        Assert.Equal(3.0, model.OutdoorTemperatureAt(Midnight.AddHours(3)), 9);
    }

    [Fact]
    public void Constructor_NonPositiveTimeConstant_Throws()
    {
        var parameters = new ThermalModelParameters { TimeConstant = TimeSpan.Zero };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ThermalModel(parameters, Midnight));
    }
}
