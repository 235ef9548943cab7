namespace DigitalTwin.Core.Devices;

/// <summary>A device in the registry: what it is, where it is, and the hash of its secret (never the secret).</summary>
public sealed class Device
{
    /// <summary>The kind of a device registered by its telemetry: nobody said what it is.</summary>
    public const string UnknownKind = "unknown";

    public required string Id { get; set; }

    public string? Name { get; set; }

    public string Kind { get; set; } = UnknownKind;

    public string? Location { get; set; }

    /// <summary>Stored as a JSON array in a text column (portable across SQLite and PostgreSQL).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Stored as a JSON object in a text column.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Overrides Twins:OfflineAfter for this device; null uses the default.</summary>
    public TimeSpan? OfflineAfter { get; set; }

    /// <summary>Null for devices auto-registered by telemetry (they have no secret until one is issued).</summary>
    public byte[]? SecretSalt { get; set; }

    public byte[]? SecretHash { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
