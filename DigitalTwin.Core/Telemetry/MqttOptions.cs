namespace DigitalTwin.Core.Telemetry;

public enum MqttMode
{
    Embedded,
    External,
}

/// <summary>PLACEHOLDER until the simulator branch lands its version.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    public int Port { get; set; } = 1883;

    public string BindAddress { get; set; } = "127.0.0.1";

    public string Host { get; set; } = "localhost";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
