namespace DigitalTwin.Core.Telemetry;

/// <summary>The MQTT topic contract: devices publish to <c>devices/{deviceId}/telemetry</c>.</summary>
public static class TelemetryTopic
{
    public const string Filter = "devices/+/telemetry";
    private const string Prefix = "devices/";
    private const string Suffix = "/telemetry";

    public static string For(string deviceId) => Prefix + deviceId + Suffix;

    /// <summary>True when the topic has the telemetry shape; the device id in it is validated by ingest.</summary>
    public static bool TryParse(string topic, out string deviceId) => TryParseDeviceTopic(topic, Suffix, out deviceId);

    /// <summary>True when the topic is devices/{id}{suffix} with an id that has no '/'.</summary>
    internal static bool TryParseDeviceTopic(string topic, string suffix, out string deviceId)
    {
        deviceId = "";
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal)
            || topic.Length < Prefix.Length + suffix.Length)
        {
            return false;
        }
        deviceId = topic[Prefix.Length..^suffix.Length];
        return !deviceId.Contains('/', StringComparison.Ordinal);
    }
}
