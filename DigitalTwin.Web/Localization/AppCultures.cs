using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>The languages of the UI: English (the default, and the language of the API) and Korean.</summary>
public static class AppCultures
{
    public const string English = "en";
    public const string Korean = "ko";

    public static readonly IReadOnlyList<string> Supported = [English, Korean];

    /// <summary>The cookie that remembers the language picked in the app bar (ASP.NET Core's own name and format).</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>The supported culture a name stands for ("ko-KR" → "ko"), or null for any other.</summary>
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(name);
            var neutral = culture.IsNeutralCulture ? culture : culture.Parent;
            return Supported.FirstOrDefault(s => string.Equals(s, neutral.Name, StringComparison.OrdinalIgnoreCase));
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the UI currently speaks Korean.</summary>
    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Korean;
}
