namespace DigitalTwin.Core.Twins;

/// <summary>Why a device's status last changed.</summary>
public enum StatusReason
{
    /// <summary>Nothing has happened since the app started.</summary>
    None,

    /// <summary>The device connected to the embedded broker.</summary>
    Connected,

    /// <summary>Telemetry arrived (MQTT or HTTP).</summary>
    DataReceived,

    /// <summary>The device published <c>online</c> on devices/{id}/status.</summary>
    ReportedOnline,

    /// <summary>The device published <c>offline</c> on devices/{id}/status (or its last will did, on an external broker).</summary>
    ReportedOffline,

    /// <summary>The device closed its connection with a DISCONNECT.</summary>
    Disconnected,

    /// <summary>The connection dropped without a DISCONNECT (the broker published the device's last will, if it had one).</summary>
    ConnectionLost,

    /// <summary>Nothing arrived for the device's inactivity timeout.</summary>
    NoData,
}
