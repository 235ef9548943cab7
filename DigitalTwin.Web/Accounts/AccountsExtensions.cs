using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

public static class AccountsExtensions
{
    /// <summary>The scheme that picks, per request, between the sign-in cookie and API tokens.</summary>
    public const string SelectorScheme = "DigitalTwin";

    /// <summary>ASP.NET Core Identity on the app's database, cookie sign-in for pages, API tokens, roles and policies.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.ScrapeToken is null || o.ScrapeToken.Length >= 16, "Metrics:ScrapeToken must be at least 16 characters, or unset.")
            .ValidateOnStart();
        var account = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditSearch>();
        services.AddScoped<SignInChecks>();
        builder.AddSingleSignOn();
        services.AddDigitalTwinRateLimits();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie for pages, bearer token for the API", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o => ConfigureCookie(o, account));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = account.RevalidateInterval);

        services.AddIdentityCore<AppUser>(o => ConfigureIdentity(o, account))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DigitalTwinDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder().AddDigitalTwinPolicies(MetricsOptions.IsScraper);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<CurrentActor>();
        services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>Authentication, the first-password gate, then authorization; call after routing and before antiforgery.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// A bearer token always means the token scheme. Without one, pages and API reads use the sign-in cookie, but
    /// API changes never do: a cookie rides along on requests other sites make, so it must not be able to change
    /// anything (no CSRF hole); scripts and apps use tokens.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (ApiTokenAuthenticationHandler.BearerToken(context.Request) is not null)
        {
            return ApiTokenAuthenticationHandler.SchemeName;
        }
        var request = context.Request;
        var apiChange = request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        return apiChange ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme;
    }

    private static void ConfigureIdentity(IdentityOptions o, AccountOptions account)
    {
        o.Password.RequiredLength = account.MinPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = account.MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = account.LockoutDuration;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
    }

    private static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o, AccountOptions account)
    {
        o.Cookie.Name = "DigitalTwin.Auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/access-denied";
        o.ExpireTimeSpan = account.SessionLifetime;
        o.SlidingExpiration = true;
        // The API answers 401/403 (as ProblemDetails) instead of redirecting to the sign-in page.
        o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (WebExtensions.IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
