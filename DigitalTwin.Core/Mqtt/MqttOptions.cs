namespace DigitalTwin.Core.Mqtt;

/// <summary>Where the MQTT broker is: hosted inside the app, or an external one (mosquitto, EMQX).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>The embedded broker listens on it; in External mode the app connects to it.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address the embedded broker binds to; loopback by default so it is not exposed by accident.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The broker the app connects to in External mode.</summary>
    public string Host { get; set; } = "localhost";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>External mode: the app's client id. Its persistent session is what lets the broker keep
    /// QoS 1 telemetry for the app while it is down, so keep it stable across restarts.</summary>
    public string ClientId { get; set; } = "digitaltwin-ingest";

    /// <summary>External mode: how long the broker keeps the app's session (and queued QoS 1 messages) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);
}

public enum MqttMode
{
    Embedded,
    External,
}
