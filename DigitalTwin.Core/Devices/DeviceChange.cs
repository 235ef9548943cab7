namespace DigitalTwin.Core.Devices;

public enum DeviceChangeKind
{
    Added,
    Updated,
    Removed,
}

/// <summary>One committed change to the registry, as <see cref="DeviceDirectory"/>'s subscribers see it.</summary>
/// <param name="Before">Null when the device was added.</param>
/// <param name="After">Null when the device was removed.</param>
public sealed record DeviceChange(DeviceChangeKind Kind, string DeviceId, DeviceEntry? Before, DeviceEntry? After)
{
    /// <summary>Credentials that worked before no longer do (secret rotated, device revoked or deleted): close their connections.</summary>
    public bool InvalidatesCredentials => Before?.Key is { Revoked: false } before
        && (After?.Key is not { } after || after.Revoked || !after.Hash.AsSpan().SequenceEqual(before.Hash));

    /// <summary>The device came, went, or changed kind or tags: what alert rules match on.</summary>
    public bool ChangesTraits => Before is null || After is null || !Before.SameTraits(After);
}
