using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Devices;

/// <summary>
/// The one policy every transport applies: a device proves it is itself with its secret, and speaks only for
/// itself. Refusals are counted per reason (the digitaltwin.devices.auth.refused counter).
/// </summary>
/// <remarks>
/// With Devices:AllowAutoRegistration on, the broker is open to devices that have no secret (unregistered or
/// auto-registered ones, and anonymous clients publishing for them), as before the registry existed; a device
/// that has a secret is still protected: nobody can connect or publish as it without that secret.
/// </remarks>
public sealed class DeviceAuthenticator(DeviceCredentials credentials, DeviceAuthCounters counters, IOptions<DeviceOptions> options)
{
    private bool Open => options.Value.AllowAutoRegistration;

    /// <summary>Null when the device (or, in open mode, an anonymous client) may connect; otherwise why not.</summary>
    public CredentialRefusal? Authenticate(string? deviceId, string? secret)
    {
        var refusal = credentials.Check(deviceId, secret);
        if (refusal is CredentialRefusal.UnknownDevice or CredentialRefusal.NoSecret && Open
            && (string.IsNullOrEmpty(deviceId) || DeviceId.IsValid(deviceId)))
        {
            return null;
        }
        return Count(refusal);
    }

    /// <summary>
    /// Whether the client authenticated as <paramref name="clientDeviceId"/> (null: anonymous) may publish to
    /// <paramref name="topic"/>: only its own devices/{id}/… topics.
    /// </summary>
    public bool MayPublish(string? clientDeviceId, string topic)
    {
        var allowed = !string.IsNullOrEmpty(clientDeviceId)
            ? IsOwnTopic(clientDeviceId, topic)
            : Open && (TopicDevice(topic) is not { } target || !credentials.HasSecret(target));
        if (!allowed)
        {
            Count(CredentialRefusal.ForeignTopic);
        }
        return allowed;
    }

    /// <summary>
    /// Whether the client may subscribe to <paramref name="topicFilter"/>: a device only to its own topics (its
    /// desired state and commands), so it cannot read other devices' telemetry; anonymous clients in open mode to any.
    /// </summary>
    public bool MaySubscribe(string? clientDeviceId, string topicFilter)
    {
        var allowed = string.IsNullOrEmpty(clientDeviceId) ? Open : IsOwnTopic(clientDeviceId, topicFilter);
        if (!allowed)
        {
            Count(CredentialRefusal.ForeignTopic);
        }
        return allowed;
    }

    /// <summary>
    /// Whether a client authenticated as <paramref name="clientDeviceId"/> (null: anonymous) may use
    /// <paramref name="clientId"/>: a device only its own (<see cref="DeviceClientId"/>), so it cannot take over
    /// another device's session; an anonymous client (open mode) none that speaks for a device with a secret.
    /// </summary>
    public bool MayUseClientId(string? clientDeviceId, string clientId) =>
        !string.IsNullOrEmpty(clientDeviceId)
            ? DeviceClientId.Belongs(clientId, clientDeviceId)
            : !credentials.HasSecret(DeviceClientId.DeviceOf(clientId).ToString());

    /// <summary>Counts a refusal decided elsewhere (e.g. the HTTP endpoint's missing bearer token).</summary>
    public CredentialRefusal? Count(CredentialRefusal? refusal)
    {
        if (refusal is { } reason)
        {
            counters.Refused(reason);
        }
        return refusal;
    }

    private static bool IsOwnTopic(string deviceId, string topic) =>
        topic.Length > DevicesPrefix.Length + deviceId.Length
        && topic.StartsWith(DevicesPrefix, StringComparison.Ordinal)
        && topic.AsSpan(DevicesPrefix.Length).StartsWith(deviceId, StringComparison.Ordinal)
        && topic[DevicesPrefix.Length + deviceId.Length] == '/';

    private static string? TopicDevice(string topic)
    {
        if (!topic.StartsWith(DevicesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = topic.IndexOf('/', DevicesPrefix.Length);
        return end < 0 ? topic[DevicesPrefix.Length..] : topic[DevicesPrefix.Length..end];
    }

    private const string DevicesPrefix = "devices/";
}
