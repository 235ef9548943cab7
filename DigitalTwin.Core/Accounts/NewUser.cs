using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Accounts;

/// <summary>A user an admin creates: their sign-in name, how the app shows them, and their roles.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles)
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;

    /// <param name="allowedCharacters">Identity's <c>User.AllowedUserNameCharacters</c>.</param>
    public Dictionary<string, string[]> Validate(string allowedCharacters)
    {
        var errors = new Dictionary<string, string[]>();
        var name = UserName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["userName"] = ["Give the user a sign-in name, e.g. 'jkim'."];
        }
        else if (name.Length > MaxUserNameLength || name.Any(c => !allowedCharacters.Contains(c, StringComparison.Ordinal)))
        {
            errors["userName"] = [$"At most {MaxUserNameLength} characters, each a letter (a–z, A–Z), digit or one of - . _ @ +."];
        }
        if (DisplayNameError(DisplayName) is { } displayError)
        {
            errors["displayName"] = [displayError];
        }
        if (RolesError(Roles) is { } rolesError)
        {
            errors["roles"] = [rolesError];
        }
        return errors;
    }

    public static string? DisplayNameError(string? displayName) =>
        displayName is not null && (displayName.Trim().Length > MaxDisplayNameLength || SafeText.Problem(displayName) is not null)
            ? $"The display name must be at most {MaxDisplayNameLength} characters of plain text."
            : null;

    public static string? RolesError(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return $"Give at least one role ({string.Join(", ", Accounts.Roles.All)}); Viewer may read everything. Disable a user to shut them out.";
        }
        var unknown = roles.Where(r => Accounts.Roles.Normalize(r) is null).ToList();
        return unknown.Count > 0
            ? $"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; use {string.Join(", ", Accounts.Roles.All)}."
            : null;
    }

    /// <summary>The roles in their canonical spelling, each once, in the order of <see cref="Roles.All"/>.</summary>
    public static IReadOnlyList<string> CanonicalRoles(IEnumerable<string> roles)
    {
        var wanted = roles.Select(Accounts.Roles.Normalize).ToHashSet();
        return [.. Accounts.Roles.All.Where(wanted.Contains)];
    }
}
