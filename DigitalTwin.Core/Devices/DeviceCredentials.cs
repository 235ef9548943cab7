namespace DigitalTwin.Core.Devices;

/// <summary>Why a device's credentials were refused. Each is counted separately.</summary>
public enum CredentialRefusal
{
    UnknownDevice,
    WrongSecret,
    Revoked,
    NoSecret,
    ForeignTopic,
}

/// <summary>
/// Checks a device's secret against the hash in the <see cref="DeviceDirectory"/>, so authenticating an MQTT connect
/// or an HTTP post never queries the database.
/// </summary>
public sealed class DeviceCredentials(DeviceDirectory directory)
{
    public bool IsRegistered(string deviceId) => directory.Contains(deviceId);

    public bool HasSecret(string deviceId) => directory.Find(deviceId)?.Key is not null;

    /// <summary>Null when the secret is right for a registered, unrevoked device; otherwise why not.</summary>
    public CredentialRefusal? Check(string? deviceId, string? secret)
    {
        if (deviceId is null || directory.Find(deviceId) is not { } device)
        {
            return CredentialRefusal.UnknownDevice;
        }
        if (device.Key is not { } key)
        {
            return CredentialRefusal.NoSecret;
        }
        // The secret is checked before revocation so that only its holder learns the device is revoked.
        if (!DeviceSecret.Matches(secret, key.Salt, key.Hash))
        {
            return CredentialRefusal.WrongSecret;
        }
        return key.Revoked ? CredentialRefusal.Revoked : null;
    }
}
