using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DigitalTwin.Web.Accounts;

/// <summary>
/// Optional OpenID Connect single sign-on, on when <c>Auth:Oidc:Authority</c> is set: the authorization code flow with
/// PKCE into Identity's external cookie, which <see cref="SingleSignOnEndpoints"/> turns into a local user and the
/// app's own sign-in cookie. Off, it adds nothing but the (empty) settings.
/// </summary>
public static class SingleSignOnExtensions
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>The login provider name of SSO users in Identity's external logins, and <c>AppUser.ExternalProvider</c>.</summary>
    public const string ProviderName = "oidc";

    public static IHostApplicationBuilder AddSingleSignOn(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddSingleton<SingleSignOn>();
        services.AddScoped<SingleSignOnUsers>();
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled)
        {
            return builder;
        }
        // Registered with a placeholder and configured from the validated options, so a bad setting stops the
        // start with the validator's message rather than the handler's.
        services.AddAuthentication().AddOpenIdConnect(Scheme, oidc.DisplayName, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<OidcOptions>>((o, settings) => Configure(o, settings.Value));
        return builder;
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        o.RequireHttpsMetadata = settings.EffectiveRequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        if (!string.IsNullOrWhiteSpace(settings.RoleScope))
        {
            o.Scope.Add(settings.RoleScope.Trim());
        }
        // Claims keep the provider's names (sub, preferred_username, roles) instead of .NET's long URIs.
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = "preferred_username";
        o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        // Only the external identity is kept, and only until /account/sso/complete turns it into a local sign-in.
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Events.OnRemoteFailure = OnRemoteFailure;
    }

    /// <summary>A refused consent, an expired state or a provider error lands on the sign-in page with a message, not an error page.</summary>
    private static Task OnRemoteFailure(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DigitalTwin.Accounts.SingleSignOn");
        logger.LogWarning(context.Failure, "Single sign-on failed at the callback.");
        context.Response.Redirect($"/account/login?error={SingleSignOnErrors.Failed}");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
