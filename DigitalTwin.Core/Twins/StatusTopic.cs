using System.Buffers;
using System.Text;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// The MQTT status contract: a device publishes <c>online</c> or <c>offline</c> to <c>devices/{deviceId}/status</c>,
/// typically <c>offline</c> as its last will. Status messages are not telemetry.
/// </summary>
public static class StatusTopic
{
    public const string Filter = "devices/+/status";
    private const string Suffix = "/status";

    public static string For(string deviceId) => $"devices/{deviceId}{Suffix}";

    public static bool TryParse(string topic, out string deviceId) => TelemetryTopic.TryParseDeviceTopic(topic, Suffix, out deviceId);

    /// <summary>Online or Offline for the payloads <c>online</c> / <c>offline</c> (any case, surrounding blanks allowed); null otherwise.</summary>
    public static DeviceStatus? ParsePayload(ReadOnlySequence<byte> payload)
    {
        if (payload.Length > 32)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(payload).Trim();
        return text.Equals("online", StringComparison.OrdinalIgnoreCase) ? DeviceStatus.Online
            : text.Equals("offline", StringComparison.OrdinalIgnoreCase) ? DeviceStatus.Offline
            : null;
    }
}
