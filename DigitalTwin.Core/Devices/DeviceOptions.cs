namespace DigitalTwin.Core.Devices;

public sealed class DeviceOptions
{
    public const string Section = "Devices";

    /// <summary>
    /// When on, telemetry from an unregistered device registers it (without a secret), as before the registry
    /// existed. Off by default: only devices created through the registry may connect and report.
    /// </summary>
    public bool AllowAutoRegistration { get; set; }
}
