namespace DigitalTwin.Core.Accounts;

public enum UserChangeStatus
{
    Ok,

    /// <summary>A field is invalid; <see cref="UserChange.Errors"/> names each.</summary>
    Invalid,

    NotFound,

    /// <summary>A user with that name exists already.</summary>
    Conflict,

    /// <summary>Refused: it would leave no enabled admin.</summary>
    LastAdmin,
}

/// <summary>
/// What a user administration call came to: the user as it is now, the generated password (create and reset only,
/// shown this once), or why it was refused.
/// </summary>
public sealed record UserChange(
    UserChangeStatus Status,
    UserSummary? User = null,
    string? Password = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Message = null)
{
    public bool Succeeded => Status == UserChangeStatus.Ok;

    internal static UserChange Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(UserChangeStatus.Invalid, Errors: errors, Message: string.Join(" ", errors.Values.SelectMany(e => e)));

    internal static UserChange Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    internal static UserChange NotFound(string? userName) => new(UserChangeStatus.NotFound, Message: $"There is no user '{userName}'.");

    internal static UserChange LastAdmin(string userName, string change) => new(UserChangeStatus.LastAdmin,
        Message: $"{userName} is the last enabled admin: {change} would leave nobody able to manage users. Give another user the Admin role first.");
}
