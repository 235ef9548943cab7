namespace DigitalTwin.Core.Simulation;

/// <summary>A heated room and the weather outside it. The defaults are a mild spring day in a
/// reasonably insulated flat.</summary>
public sealed record ThermalModelParameters
{
    /// <summary>Daily mean outdoor temperature, °C.</summary>
    public double OutdoorMean { get; init; } = 8.0;

    /// <summary>Half the daily outdoor swing, K.</summary>
    public double OutdoorAmplitude { get; init; } = 5.0;

    /// <summary>Local hour (0..24) of the warmest moment outdoors; mid-afternoon in reality.</summary>
    public double OutdoorPeakHour { get; init; } = 15.0;

    /// <summary>Outdoor relative humidity at the daily mean temperature, %RH.</summary>
    /// <remarks>The vapour content derived from it is held for the whole day (the dew point
    /// changes little in a day), so outdoor RH is high at night and low in the afternoon.</remarks>
    public double OutdoorRelativeHumidity { get; init; } = 75.0;

    /// <summary>Building time constant: the heat capacity over the heat loss coefficient.</summary>
    public TimeSpan TimeConstant { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Heating rate of the heater alone, K/s.</summary>
    /// <remarks>Held on for good, the heater lifts the room HeaterGain × TimeConstant above
    /// outdoors: 32 K with the defaults, enough for 21 °C on a frosty night.</remarks>
    public double HeaterGain { get; init; } = 0.003;

    /// <summary>Thermostat setpoint, °C.</summary>
    public double Setpoint { get; init; } = 21.0;

    /// <summary>Half-width of the thermostat's hysteresis: the heater switches on below
    /// Setpoint − band and off above Setpoint + band, K.</summary>
    public double HysteresisBand { get; init; } = 0.5;

    /// <summary>How fast indoor vapour content follows outdoors: the inverse of the air change
    /// rate (0.5 air changes per hour in a typical home).</summary>
    public TimeSpan AirExchangeTimeConstant { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Vapour pressure that people, cooking and plants add above outdoors, hPa.</summary>
    public double InternalVapourExcess { get; init; } = 2.0;

    /// <summary>Slightly different rooms per device, reproducible from the device index, so a
    /// dashboard does not show identical lines.</summary>
    public static ThermalModelParameters ForDevice(int index)
    {
        // A stream apart from the sensor noise's, which is seeded with the index itself.
        var random = new Random(unchecked((index * 7919) + 104729));
        var defaults = new ThermalModelParameters();
        return defaults with
        {
            Setpoint = 19.5 + (Math.Round(random.NextDouble() * 6.0) / 2.0),
            TimeConstant = TimeSpan.FromHours(2.5 + (random.NextDouble() * 1.5)),
            HeaterGain = defaults.HeaterGain * (0.9 + (random.NextDouble() * 0.3)),
            HysteresisBand = 0.3 + (random.NextDouble() * 0.3),
            InternalVapourExcess = 1.5 + (random.NextDouble() * 1.5),
        };
    }
}
