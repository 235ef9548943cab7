using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

/// <summary>Settings under <c>Auth:Oidc</c>: OpenID Connect single sign-on, on when an authority is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim in the ID token (or user info) that carries role names.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>What the sign-in button says: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";
}

/// <summary>Whether single sign-on is offered on the sign-in page.</summary>
public sealed class SingleSignOn(IOptions<OidcOptions> options)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Authority);

    public string DisplayName => options.Value.DisplayName;
}
