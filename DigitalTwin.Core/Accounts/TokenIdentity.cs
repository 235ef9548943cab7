namespace DigitalTwin.Core.Accounts;

/// <summary>Who a valid API token acts as: its user, and the roles it may use now.</summary>
public sealed record TokenIdentity(string UserId, string UserName, long TokenId, string TokenName, IReadOnlyList<string> Roles);

/// <summary>A token just created: <see cref="Secret"/> is shown this once and never stored.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);

public sealed record TokenResult(IssuedToken? Issued, IReadOnlyDictionary<string, string[]>? Errors = null);
