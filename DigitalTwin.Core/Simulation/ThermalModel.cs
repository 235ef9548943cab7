namespace DigitalTwin.Core.Simulation;

/// <summary>
/// A room heated under thermostat control: dT/dt = (T_out(t) − T)/τ + heaterOn × gain, with a
/// daily cosine outdoor cycle, and indoor vapour content relaxing towards outdoors. Deterministic:
/// the same parameters, start and sequence of instants always give the same state. The thermostat's
/// <see cref="Setpoint"/> starts at the parameters' and, like its <see cref="Mode"/>, can be changed (desired state,
/// commands); the change takes effect from the next sub-step.
/// </summary>
public sealed class ThermalModel
{
    // The thermostat is looked at once per sub-step, so it overshoots its band by at most
    // HeaterGain × MaxSubStep (0.03 K with the defaults). Each sub-step is solved exactly, so
    // the sub-step length bounds that overshoot only, never stability.
    internal static readonly TimeSpan MaxSubStep = TimeSpan.FromSeconds(10);

    private readonly double _tauSeconds;
    private readonly double _airTauSeconds;

    public ThermalModel(ThermalModelParameters parameters, DateTimeOffset start, double? initialTemperature = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.TimeConstant <= TimeSpan.Zero || parameters.AirExchangeTimeConstant <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Time constants must be positive.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.HeaterGain, nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.HysteresisBand, nameof(parameters));

        Parameters = parameters;
        Time = start;
        _tauSeconds = parameters.TimeConstant.TotalSeconds;
        _airTauSeconds = parameters.AirExchangeTimeConstant.TotalSeconds;
        OutdoorVapourPressure = Psychrometrics.VapourPressure(parameters.OutdoorMean, parameters.OutdoorRelativeHumidity);

        // Start where the room would be anyway (at its setpoint, humidity settled) so a freshly
        // started dashboard shows plausible values rather than a warm-up transient.
        Setpoint = parameters.Setpoint;
        Temperature = initialTemperature ?? parameters.Setpoint;
        VapourPressure = OutdoorVapourPressure + parameters.InternalVapourExcess;
        HeaterOn = Temperature < parameters.Setpoint;
    }

    public ThermalModelParameters Parameters { get; }

    /// <summary>The simulated instant the state below belongs to.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>Indoor air temperature, °C.</summary>
    public double Temperature { get; private set; }

    /// <summary>Indoor water vapour pressure, hPa.</summary>
    public double VapourPressure { get; private set; }

    public bool HeaterOn { get; private set; }

    /// <summary>The thermostat's setpoint, °C.</summary>
    public double Setpoint
    {
        get;
        set => field = double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), "The setpoint must be finite.");
    }

    /// <summary>Auto keeps the setpoint; off and force-on override it.</summary>
    public ThermostatMode Mode { get; set; }

    /// <summary>Indoor relative humidity, %RH.</summary>
    public double RelativeHumidity => Psychrometrics.RelativeHumidity(Temperature, VapourPressure);

    /// <summary>Outdoor water vapour pressure, hPa; constant over the day.</summary>
    public double OutdoorVapourPressure { get; }

    /// <summary>Outdoor temperature at <paramref name="instant"/>, whose own offset gives the local hour of day.</summary>
    public double OutdoorTemperatureAt(DateTimeOffset instant)
    {
        var hourOfDay = instant.TimeOfDay.TotalHours;
        var phase = 2.0 * Math.PI * (hourOfDay - Parameters.OutdoorPeakHour) / 24.0;
        return Parameters.OutdoorMean + (Parameters.OutdoorAmplitude * Math.Cos(phase));
    }

    /// <summary>Moves the state forward to <paramref name="instant"/>; an instant not after <see cref="Time"/> changes nothing.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Time)
        {
            Advance(instant - Time);
        }
    }

    /// <summary>Moves the state forward by <paramref name="duration"/>, stable for any length.</summary>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var end = Time + duration;
        while (Time < end)
        {
            var step = end - Time < MaxSubStep ? end - Time : MaxSubStep;
            SubStep(step);
        }
    }

    private void SubStep(TimeSpan step)
    {
        var p = Parameters;
        if (Mode != ThermostatMode.Auto)
        {
            HeaterOn = Mode == ThermostatMode.ForceOn;
        }
        else if (Temperature < Setpoint - p.HysteresisBand)
        {
            HeaterOn = true;
        }
        else if (Temperature > Setpoint + p.HysteresisBand)
        {
            HeaterOn = false;
        }

        // Forcing held at its mid-step value; with it constant the ODE has the exact solution
        // T(t+h) = T_eq + (T − T_eq)·e^(−h/τ), which cannot blow up whatever h is.
        var h = step.TotalSeconds;
        var outdoor = OutdoorTemperatureAt(Time + (step / 2));
        var equilibrium = outdoor + (HeaterOn ? p.HeaterGain * _tauSeconds : 0.0);
        Temperature = equilibrium + ((Temperature - equilibrium) * Math.Exp(-h / _tauSeconds));

        var vapourEquilibrium = OutdoorVapourPressure + p.InternalVapourExcess;
        VapourPressure = vapourEquilibrium + ((VapourPressure - vapourEquilibrium) * Math.Exp(-h / _airTauSeconds));

        Time += step;
    }
}
