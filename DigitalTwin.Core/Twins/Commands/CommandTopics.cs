namespace DigitalTwin.Core.Twins.Commands;

/// <summary>
/// The MQTT contract of commands: the app publishes a request (QoS 1) to <c>devices/{id}/commands/{name}</c> with the
/// MQTT 5 response topic <c>devices/{id}/commands/{name}/response</c> and correlation data; the device answers there
/// with the same correlation data.
/// </summary>
public static class CommandTopics
{
    public const string ResponseFilter = "devices/+/commands/+/response";
    private const string DevicesPrefix = "devices/";
    private const string CommandsLevel = "/commands/";
    private const string ResponseSuffix = "/response";

    /// <summary>What a device subscribes to for all of its commands.</summary>
    public static string RequestFilter(string deviceId) => $"devices/{deviceId}{CommandsLevel}+";

    public static string Request(string deviceId, string name) => $"devices/{deviceId}{CommandsLevel}{name}";

    public static string Response(string deviceId, string name) => $"devices/{deviceId}{CommandsLevel}{name}{ResponseSuffix}";

    /// <summary>devices/{id}/commands/{name}/response.</summary>
    public static bool TryParseResponse(string topic, out string deviceId, out string name)
    {
        (deviceId, name) = ("", "");
        return topic.EndsWith(ResponseSuffix, StringComparison.Ordinal) && TryParse(topic[..^ResponseSuffix.Length], out deviceId, out name);
    }

    /// <summary>devices/{id}/commands/{name}: downlink, only the app publishes there.</summary>
    public static bool IsRequest(string topic) => TryParse(topic, out _, out _);

    private static bool TryParse(string topic, out string deviceId, out string name)
    {
        (deviceId, name) = ("", "");
        var at = topic.LastIndexOf(CommandsLevel, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var candidate = topic[(at + CommandsLevel.Length)..];
        var device = topic[..at];
        if (!CommandLimits.IsValidName(candidate) || !device.StartsWith(DevicesPrefix, StringComparison.Ordinal)
            || device.Length == DevicesPrefix.Length || device.IndexOf('/', DevicesPrefix.Length) >= 0)
        {
            return false;
        }
        (deviceId, name) = (device[DevicesPrefix.Length..], candidate);
        return true;
    }
}
