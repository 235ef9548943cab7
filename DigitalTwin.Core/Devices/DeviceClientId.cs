namespace DigitalTwin.Core.Devices;

/// <summary>
/// MQTT client ids are bound to devices: a device's client id is its id, or its id, '@' and any suffix
/// (<c>a1</c>, <c>a1@gateway-2</c>). '@' is the separator because it cannot appear in a device id, whereas
/// '-' can: with "a1-…" allowed, device a1 could take the client id "a1-b" of device "a1-b" and end its session.
/// </summary>
public static class DeviceClientId
{
    public const char Separator = '@';

    /// <summary>The device a client id speaks for: the part before the first '@', or the whole id.</summary>
    public static ReadOnlySpan<char> DeviceOf(string clientId)
    {
        var at = clientId.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? clientId : clientId.AsSpan(0, at);
    }

    public static bool Belongs(string clientId, string deviceId) => DeviceOf(clientId).SequenceEqual(deviceId);

    /// <summary>A client id the broker assigns a device that sent an empty one (MQTT 5).</summary>
    public static string Assign(string deviceId) => $"{deviceId}{Separator}{Guid.NewGuid():N}";
}
