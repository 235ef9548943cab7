using Microsoft.AspNetCore.Identity;

namespace DigitalTwin.Core.Accounts;

/// <summary>A person who signs in (or whose tokens call the API). Identity keeps the password hash, lockout and roles.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set for a generated first-run password and after an admin resets one: the next sign-in must change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled user cannot sign in, and their cookies and tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set for users who came from single sign-on; they have no local password.</summary>
    public string? ExternalProvider { get; set; }
}
