using System.Collections.Concurrent;

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
/// Every device's secret hash and revocation, in memory, so authenticating an MQTT connect or an HTTP post never
/// queries the database. The registry keeps it in step with the Devices table.
/// </summary>
public sealed class DeviceCredentials
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Raised with a device id when credentials that were valid stop being so (secret rotated, device revoked or
    /// deleted), so that transports can close connections authenticated with them.
    /// </summary>
    public event Action<string>? Invalidated;

    /// <summary>Raised with the device after every registry change to it (its kind and tags may have changed).</summary>
    public event Action<Device>? Stored;

    /// <summary>Raised with a device id after the device was deleted.</summary>
    public event Action<string>? Removed;

    public void Set(Device device)
    {
        var entry = new Entry(device.SecretSalt, device.SecretHash, device.RevokedAt is not null);
        var previous = _entries.TryGetValue(device.Id, out var old) ? old : null;
        _entries[device.Id] = entry;
        if (previous is not null && !previous.Revoked && (entry.Revoked || !previous.Hash.AsSpan().SequenceEqual(entry.Hash)))
        {
            Invalidated?.Invoke(device.Id);
        }
        Stored?.Invoke(device);
    }

    public void Remove(string deviceId)
    {
        if (_entries.TryRemove(deviceId, out _))
        {
            Invalidated?.Invoke(deviceId);
            Removed?.Invoke(deviceId);
        }
    }

    public bool IsRegistered(string deviceId) => _entries.ContainsKey(deviceId);

    public bool HasSecret(string deviceId) => _entries.TryGetValue(deviceId, out var entry) && entry.Hash is not null;

    /// <summary>Null when the secret is right for a registered, unrevoked device; otherwise why not.</summary>
    public CredentialRefusal? Check(string? deviceId, string? secret)
    {
        if (deviceId is null || !_entries.TryGetValue(deviceId, out var entry))
        {
            return CredentialRefusal.UnknownDevice;
        }
        if (entry.Salt is null || entry.Hash is null)
        {
            return CredentialRefusal.NoSecret;
        }
        // The secret is checked before revocation so that only its holder learns the device is revoked.
        if (!DeviceSecret.Matches(secret, entry.Salt, entry.Hash))
        {
            return CredentialRefusal.WrongSecret;
        }
        return entry.Revoked ? CredentialRefusal.Revoked : null;
    }

    private sealed record Entry(byte[]? Salt, byte[]? Hash, bool Revoked);
}
