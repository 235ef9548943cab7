namespace DigitalTwin.Core.Accounts;

/// <summary>
/// A personal API token: a random secret shown once, stored as its SHA-256 hash (the secret has 256 bits of entropy,
/// so a slow hash adds nothing). It acts as its user, narrowed to <see cref="Role"/> when one is set.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists (never enough to use it).</summary>
    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    /// <summary>Null: the user's own roles. Otherwise the token may do only what this role allows (and the user still holds).</summary>
    public string? Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
