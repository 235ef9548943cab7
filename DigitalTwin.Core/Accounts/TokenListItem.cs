namespace DigitalTwin.Core.Accounts;

/// <summary>A token as lists show it: never the secret, only its first characters.</summary>
public sealed record TokenListItem(
    long Id, string Name, string Prefix, string UserId, string UserName, string? Role,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static TokenListItem From(ApiToken token, string userName, DateTimeOffset now) => new(
        token.Id, token.Name, token.Prefix + "…", token.UserId, userName, token.Role,
        token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt,
        token.RevokedAt is null && (token.ExpiresAt is null || token.ExpiresAt > now));
}
