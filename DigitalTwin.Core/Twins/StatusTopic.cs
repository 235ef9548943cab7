using System.Buffers;
using System.Text;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// The MQTT status contract: a device publishes <c>online</c> or <c>offline</c> to <c>devices/{deviceId}/status</c>,
/// typically <c>offline</c> as its last will. Status messages are not telemetry.
/// </summary>
public static class StatusTopic
{
    public const string Filter = "devices/+/status";
    private const string Prefix = "devices/";
    private const string Suffix = "/status";

    public static string For(string deviceId) => Prefix + deviceId + Suffix;

    public static bool TryParse(string topic, out string deviceId)
    {
        deviceId = "";
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(Suffix, StringComparison.Ordinal)
            || topic.Length <= Prefix.Length + Suffix.Length)
        {
            return false;
        }
        deviceId = topic[Prefix.Length..^Suffix.Length];
        return !deviceId.Contains('/', StringComparison.Ordinal);
    }

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
