using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Accounts;

/// <summary>What a user asks for when creating a personal API token.</summary>
public sealed record TokenRequest(string? Name, int? ExpiresInDays = null, string? Role = null)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    public const int MaxNameLength = 100;

    public Dictionary<string, string[]> Validate(IReadOnlyCollection<string> userRoles)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["Give the token a name that says where it is used, e.g. 'nightly export'."];
        }
        else if (Name.Trim().Length > MaxNameLength || SafeText.Problem(Name) is not null)
        {
            errors["name"] = [$"The name must be at most {MaxNameLength} characters of plain text."];
        }
        if (ExpiresInDays is < 1 or > MaxDays)
        {
            errors["expiresInDays"] = [$"Between 1 and {MaxDays} days (default {DefaultDays})."];
        }
        if (Role is not null)
        {
            var role = Roles.Normalize(Role);
            if (role is null)
            {
                errors["role"] = [$"'{Role}' is not a role; use one of {string.Join(", ", Roles.All)}, or omit it for all of your roles."];
            }
            else if (role != Roles.Viewer && !userRoles.Contains(role))
            {
                errors["role"] = [$"A token can only narrow your own roles ({string.Join(", ", userRoles)}); you do not hold {role}."];
            }
        }
        return errors;
    }
}
