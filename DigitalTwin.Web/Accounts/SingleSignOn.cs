using System.Net;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

/// <summary>Settings under <c>Auth:Oidc</c>: OpenID Connect single sign-on, on when an authority is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim in the ID token that carries role names (Viewer, Operator, Analyst, Admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>A scope to ask for besides <c>openid profile</c> so that the provider puts the role claim in the ID token (e.g. <c>roles</c>); none when empty.</summary>
    public string? RoleScope { get; set; }

    /// <summary>What the sign-in button says: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>
    /// Whether the provider's metadata must be fetched over HTTPS. Unset means yes, except for an <c>http://localhost</c>
    /// authority (a provider on the same machine, as in tests); false is refused for any other authority.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>True for an absolute URL on localhost or a loopback address.</summary>
    public static bool IsLoopback(Uri authority) =>
        authority.IsLoopback || (IPAddress.TryParse(authority.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>What the OpenID Connect handler gets: HTTPS metadata unless turned off, or the authority is plain http on this machine.</summary>
    public bool EffectiveRequireHttpsMetadata =>
        RequireHttpsMetadata ?? !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));
}

/// <summary>Refuses to start with single sign-on half set up, naming the setting to fix.</summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        var key = OidcOptions.Section;
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key}:Authority must be an absolute http(s) URL such as https://login.example.com/realms/grid (got '{options.Authority}').");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && !IsLoopback(authority))
        {
            errors.Add($"{key}:Authority must use https (plain http is accepted only for a provider on localhost).");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && options.EffectiveRequireHttpsMetadata)
        {
            errors.Add($"{key}:RequireHttpsMetadata is true but {key}:Authority is plain http.");
        }
        else if (!options.EffectiveRequireHttpsMetadata && !IsLoopback(authority))
        {
            errors.Add($"{key}:RequireHttpsMetadata can be false only for a provider on localhost.");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add($"{key}:ClientId is required when {key}:Authority is set (the client id registered at the provider).");
        }
        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            errors.Add($"{key}:RoleClaim must name the claim that carries role names (e.g. roles).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri uri) => OidcOptions.IsLoopback(uri);
}

/// <summary>Whether single sign-on is offered on the sign-in page, and what its refusals say there.</summary>
public sealed class SingleSignOn(IOptions<OidcOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public string DisplayName => options.Value.DisplayName;

    /// <summary>
    /// The resource key of the sign-in page's words for a <c>?error=</c> code (an unknown code reads as "did not
    /// complete"): never text from the address itself (a crafted link must not be able to put its own words on the
    /// sign-in page).
    /// </summary>
    public static string? ErrorKey(string? code) => code switch
    {
        null or "" => null,
        SingleSignOnErrors.NoRole => "SignIn.Sso.NoRole",
        SingleSignOnErrors.Disabled => "SignIn.Failed.Disabled",
        SingleSignOnErrors.Off => "SignIn.Sso.Off",
        _ => "SignIn.Sso.Failed",
    };
}

/// <summary>The <c>?error=</c> codes that single sign-on sends back to the sign-in page.</summary>
public static class SingleSignOnErrors
{
    public const string NoRole = "sso-no-role";
    public const string Disabled = "sso-disabled";
    public const string Failed = "sso-failed";
    public const string Off = "sso-off";
}
