using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Localization;

/// <summary>
/// MudBlazor's own texts in Korean (keys as in MudBlazor's LanguageResource, kept in MudBlazorResource.ko.resx). In
/// English nothing is found here, so MudBlazor's built-in English — always in step with the package — applies.
/// </summary>
public sealed class MudTranslations(IStringLocalizer<MudBlazorResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == AppCultures.English
            ? new LocalizedString(key, key, resourceNotFound: true)
            : localizer[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == AppCultures.English
            ? new LocalizedString(key, key, resourceNotFound: true)
            : localizer[key, arguments];
}

/// <summary>The marker of MudBlazorResource.resx / .ko.resx.</summary>
public sealed class MudBlazorResource;
