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

    /// <summary>
    /// External mode: when set, telemetry, status messages and reported documents are subscribed as
    /// <c>$share/{group}/…</c> (MQTT 5 shared subscriptions), so each message goes to one of the instances in the group.
    /// Give every instance its own <see cref="ClientId"/>.
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>External mode: how long the broker keeps the app's session (and queued QoS 1 messages) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Embedded broker: whether it listens on <see cref="Port"/> without TLS. Turn off in production once TLS is set up.</summary>
    public bool AllowPlainText { get; set; } = true;

    /// <summary>Embedded broker: MQTT over TLS, off unless a certificate is configured.</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Embedded broker: the largest MQTT packet read, checked on its fixed header before anything is buffered, and
    /// announced to MQTT 5 clients in CONNACK. Keep it above Telemetry:MaxPayloadBytes plus the topic.
    /// </summary>
    public int MaxPacketSize { get; set; } = 131_072;

    /// <summary>Embedded broker: how long a new connection may take (TLS handshake included) to be accepted by CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Embedded broker: open connections at most; more are closed at once.</summary>
    public int MaxConnections { get; set; } = 50_000;

    /// <summary>Embedded broker: open connections from one remote address at most (devices behind one NAT share one).</summary>
    public int MaxConnectionsPerAddress { get; set; } = 1_000;

    /// <summary>Embedded broker: connections not yet accepted by CONNACK at most, so a flood of silent sockets cannot crowd devices out for long.</summary>
    public int MaxPendingConnections { get; set; } = 1_000;

    /// <summary>Embedded broker: the longest client id, in characters (a device's is its id, or its id, '@' and a suffix).</summary>
    public int MaxClientIdLength { get; set; } = 128;
}

/// <summary>The embedded broker's TLS listener.</summary>
public sealed class MqttTlsOptions
{
    public int Port { get; set; } = 8883;

    /// <summary>A PKCS#12 file (.pfx/.p12), or a PEM file with the certificate (and the key, unless <see cref="KeyPath"/> is set).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, or the encrypted PEM key's.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PEM private key in its own file, next to a PEM certificate.</summary>
    public string? KeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}

public enum MqttMode
{
    Embedded,
    External,
}
