using System.Collections.Immutable;

namespace DigitalTwin.Core.Devices;

/// <summary>
/// What the app keeps in memory of one registered device: enough to authenticate it, match alert rules to it and
/// time it out, without a query. Never the secret, only its salted hash.
/// </summary>
/// <param name="Key">Null for a device that has no secret (auto-registered by its telemetry).</param>
public sealed record DeviceEntry(string Id, string Kind, ImmutableArray<string> Tags, TimeSpan? OfflineAfter, DeviceKey? Key)
{
    public static DeviceEntry From(Device device) => new(
        device.Id,
        device.Kind,
        [.. device.Tags],
        device.OfflineAfter,
        device.SecretSalt is { } salt && device.SecretHash is { } hash ? new DeviceKey(salt, hash, device.RevokedAt is not null) : null);

    /// <summary>Every field the same, tags and key bytes compared by value (the record's own equality compares their references).</summary>
    public bool SameAs(DeviceEntry other) => Id == other.Id && SameTraits(other) && OfflineAfter == other.OfflineAfter
        && (Key is null ? other.Key is null : other.Key is { } key && Key.Revoked == key.Revoked
            && Key.Salt.AsSpan().SequenceEqual(key.Salt) && Key.Hash.AsSpan().SequenceEqual(key.Hash));

    /// <summary>Same kind and tags: what alert rules match devices on.</summary>
    public bool SameTraits(DeviceEntry other) => Kind == other.Kind && Tags.SequenceEqual(other.Tags);
}

/// <summary>The salted hash of a device's secret, and whether the device was revoked.</summary>
public sealed record DeviceKey(byte[] Salt, byte[] Hash, bool Revoked);
