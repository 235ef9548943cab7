namespace DigitalTwin.Core.Telemetry;

/// <summary>The MQTT topic contract: devices publish to <c>devices/{deviceId}/telemetry</c>.</summary>
public static class TelemetryTopic
{
    public const string Filter = "devices/+/telemetry";
    private const string Prefix = "devices/";
    private const string Suffix = "/telemetry";

    public static string For(string deviceId) => Prefix + deviceId + Suffix;

    /// <summary>True when the topic has the telemetry shape; the device id in it is validated by ingest.</summary>
    public static bool TryParse(string topic, out string deviceId)
    {
        deviceId = "";
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(Suffix, StringComparison.Ordinal)
            || topic.Length < Prefix.Length + Suffix.Length)
        {
            return false;
        }
        deviceId = topic[Prefix.Length..^Suffix.Length];
        return !deviceId.Contains('/', StringComparison.Ordinal);
    }
}
