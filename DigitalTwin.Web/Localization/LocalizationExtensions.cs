using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace DigitalTwin.Web.Localization;

/// <summary>
/// Korean and English. The language comes from the culture cookie (set by the app bar's switch), else the browser's
/// Accept-Language, else English. Blazor Server keeps the culture of the request that opened the circuit, so the
/// switch sets the cookie through <c>/culture/set</c> and reloads the page. API addresses are not localized: machines
/// read them, and their errors stay in English with stable reason codes.
/// </summary>
public static class LocalizationExtensions
{
    public const string SetCulturePath = "/culture/set";

    public static IHostApplicationBuilder AddLocalizationUi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization();
        // The e-mails say the alert engine's stored reasons with the UI's words (Core alone keeps them as stored).
        services.Replace(ServiceDescriptor.Singleton<IStoredSentences, LocalizedStoredSentences>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(AppCultures.English)
                .AddSupportedCultures([.. AppCultures.Supported])
                .AddSupportedUICultures([.. AppCultures.Supported]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Cookie first (an explicit pick), then the browser's languages; the query string is not a way in.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // MudBlazor's own texts (the data grid's pager, dialog close buttons, required-field messages).
        services.AddTransient<MudLocalizer, MudTranslations>();
        return builder;
    }

    /// <summary>Before the error pages, so the error and not-found pages speak the user's language too.</summary>
    public static WebApplication UseLocalizationUi(this WebApplication app)
    {
        app.UseWhen(context => !WebExtensions.IsApi(context), pages => pages.UseRequestLocalization());
        return app;
    }

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SetCulturePath, SetCulture).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The address of the switch: sets <paramref name="culture"/> and comes back to <paramref name="returnTo"/>.</summary>
    public static string SetCultureUrl(string culture, string returnTo) =>
        $"{SetCulturePath}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(returnTo)}";

    private static IResult SetCulture(HttpContext context, string? culture, string? redirectUri)
    {
        if (AppCultures.Match(culture) is not { } supported)
        {
            return TypedResults.Problem(
                detail: $"Unsupported culture; use one of: {string.Join(", ", AppCultures.Supported)}.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["reason"] = "unsupported-culture" });
        }

        context.Response.Cookies.Append(
            AppCultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
        return TypedResults.LocalRedirect(LocalUrl.OrSelf(redirectUri));
    }
}
