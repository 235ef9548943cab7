namespace DigitalTwin.Core.Mqtt;

/// <summary>Why the embedded broker refused or closed a connection before trusting it. Each is counted separately.</summary>
public enum BrokerRefusal
{
    None,
    MaxConnections,
    MaxConnectionsPerAddress,
    MaxPendingConnections,
    ConnectTimeout,
    TlsHandshake,
    MaxPacketSize,
    ClientId,

    /// <summary>An MQTT 3.1.1 client's QoS 1 publish was refused; its PUBACK cannot say so, so the connection is closed.</summary>
    RefusedPublish,
}
