namespace DigitalTwin.Core.Simulation;

/// <summary>
/// What the simulated thermostat does with the heater: <c>auto</c> keeps the setpoint (with its hysteresis), <c>off</c>
/// never heats, <c>forceOn</c> always heats. These spellings are the JSON contract (desired, reported, commands).
/// </summary>
public enum ThermostatMode
{
    Auto,
    Off,
    ForceOn,
}

public static class ThermostatModes
{
    public const string Auto = "auto";
    public const string Off = "off";
    public const string ForceOn = "forceOn";

    public static string ToText(ThermostatMode mode) => mode switch
    {
        ThermostatMode.Off => Off,
        ThermostatMode.ForceOn => ForceOn,
        _ => Auto,
    };

    /// <summary>Exactly "auto", "off" or "forceOn".</summary>
    public static bool TryParse(string? text, out ThermostatMode mode)
    {
        (var ok, mode) = text switch
        {
            Auto => (true, ThermostatMode.Auto),
            Off => (true, ThermostatMode.Off),
            ForceOn => (true, ThermostatMode.ForceOn),
            _ => (false, ThermostatMode.Auto),
        };
        return ok;
    }
}
