using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>
/// The MQTT contract of the property documents: the app publishes the whole desired document, with its
/// "$version", retained (QoS 1) to <c>devices/{id}/desired</c>; the device publishes merge patches of its reported
/// document to <c>devices/{id}/reported</c>.
/// </summary>
public static class TwinPropertyTopics
{
    public const string ReportedFilter = "devices/+/reported";
    private const string DesiredSuffix = "/desired";
    private const string ReportedSuffix = "/reported";

    public static string Desired(string deviceId) => $"devices/{deviceId}{DesiredSuffix}";

    public static string Reported(string deviceId) => $"devices/{deviceId}{ReportedSuffix}";

    public static bool TryParseReported(string topic, out string deviceId) => TelemetryTopic.TryParseDeviceTopic(topic, ReportedSuffix, out deviceId);

    /// <summary>Downlink: only the app publishes here, never a device (not even to its own).</summary>
    public static bool IsDesired(string topic) => TelemetryTopic.TryParseDeviceTopic(topic, DesiredSuffix, out _);
}
