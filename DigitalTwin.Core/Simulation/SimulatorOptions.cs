namespace DigitalTwin.Core.Simulation;

/// <summary>The built-in thermometers that publish over MQTT like real devices.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>How many thermometers; 0 turns the simulator off.</summary>
    public int Count { get; set; } = 3;

    /// <summary>Real time between two readings of every thermometer.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Simulated seconds per real second. At 60 a day passes in 24 minutes, so the daily
    /// cycle and the heater cycling show within minutes; 1 is real time.</summary>
    public double TimeScale { get; set; } = 60.0;

    /// <summary>On a fresh install (no alert rule yet), add two sample rules for the simulated thermometers.</summary>
    public bool SampleAlertRules { get; set; } = true;

    /// <summary>Device ids are the prefix followed by 1..Count.</summary>
    public string DevicePrefix { get; set; } = "thermo-";
}
