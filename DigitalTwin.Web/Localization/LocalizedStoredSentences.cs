using System.Globalization;
using DigitalTwin.Core.Alerts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>The e-mails' clear reasons in Alerts:NotificationCulture, from the same templates and resources as the alert page.</summary>
public sealed class LocalizedStoredSentences(IStringLocalizer<SharedResource> l) : IStoredSentences
{
    public string Say(string stored, string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return l.Say(stored) ?? stored;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
