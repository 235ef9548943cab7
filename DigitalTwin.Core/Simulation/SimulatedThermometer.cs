namespace DigitalTwin.Core.Simulation;

/// <summary>A thermo-hygrometer in a simulated room: the room's true state plus Gaussian sensor
/// noise, rounded to the sensor's resolution. Thread-safe: the simulator reads it on its timer while its desired state
/// and commands change the thermostat from the MQTT client's thread.</summary>
public sealed class SimulatedThermometer
{
    public const double DefaultTemperatureNoise = 0.08;
    public const double DefaultHumidityNoise = 0.5;

    private readonly Random _random;
    private readonly Lock _lock = new();

    /// <param name="seed">Seeds the noise, so a run can be reproduced reading by reading.</param>
    /// <param name="temperatureNoise">Standard deviation of the temperature noise, K.</param>
    /// <param name="humidityNoise">Standard deviation of the humidity noise, %RH.</param>
    public SimulatedThermometer(
        string deviceId,
        ThermalModel model,
        int seed,
        double temperatureNoise = DefaultTemperatureNoise,
        double humidityNoise = DefaultHumidityNoise)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(temperatureNoise);
        ArgumentOutOfRangeException.ThrowIfNegative(humidityNoise);

        DeviceId = deviceId;
        Model = model;
        TemperatureNoise = temperatureNoise;
        HumidityNoise = humidityNoise;
        _random = new Random(seed);
    }

    public string DeviceId { get; }

    public ThermalModel Model { get; }

    public double TemperatureNoise { get; }

    public double HumidityNoise { get; }

    /// <summary>Device <paramref name="prefix"/><paramref name="index"/> in its own room
    /// (<see cref="ThermalModelParameters.ForDevice"/>), its noise seeded with the index.</summary>
    public static SimulatedThermometer ForDevice(string prefix, int index, DateTimeOffset start) =>
        new($"{prefix}{index}", new ThermalModel(ThermalModelParameters.ForDevice(index), start), seed: index);

    /// <summary>Advances the room to <paramref name="instant"/> and reads it: °C to 0.01, %RH to 0.1; with them the
    /// heater's state and the outdoor temperature (to 0.1 °C, as a weather feed would give it), as a smart thermostat
    /// reports them, so the room model can be fitted.</summary>
    public ThermometerReading Read(DateTimeOffset instant)
    {
        lock (_lock)
        {
            return ReadLocked(instant);
        }
    }

    /// <summary>The thermostat's setpoint (°C) and mode now.</summary>
    public (double Setpoint, ThermostatMode Mode) Thermostat
    {
        get
        {
            lock (_lock)
            {
                return (Model.Setpoint, Model.Mode);
            }
        }
    }

    /// <summary>Changes what is given (null: leave it); the room follows from its next step.</summary>
    public void SetThermostat(double? setpoint, ThermostatMode? mode)
    {
        lock (_lock)
        {
            Model.Setpoint = setpoint ?? Model.Setpoint;
            Model.Mode = mode ?? Model.Mode;
        }
    }

    private ThermometerReading ReadLocked(DateTimeOffset instant)
    {
        Model.AdvanceTo(instant);
        var temperature = Model.Temperature + (TemperatureNoise * NextGaussian());
        var humidity = Math.Clamp(Model.RelativeHumidity + (HumidityNoise * NextGaussian()), 0.0, 100.0);
        return new ThermometerReading(
            Math.Round(temperature, 2, MidpointRounding.AwayFromZero),
            Math.Round(humidity, 1, MidpointRounding.AwayFromZero),
            Math.Round(Model.OutdoorTemperatureAt(instant), 1, MidpointRounding.AwayFromZero),
            Model.HeaterOn);
    }

    // Box–Muller; 1 − NextDouble() lies in (0, 1], which keeps the logarithm finite.
    private double NextGaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

/// <summary>One sensor reading: temperature in °C, relative humidity in %RH; outdoor temperature in °C and the heater's state where known.</summary>
public readonly record struct ThermometerReading(double Temperature, double Humidity, double? OutdoorTemperature = null, bool? HeaterOn = null);
