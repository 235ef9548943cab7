using System.Globalization;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Localization;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>
/// A forecast's reason in the reader's language: Core gives the code and its values, the resources the sentence,
/// and numbers and months are written as the reader's culture writes them. The API keeps Core's English.
/// </summary>
public static class ForecastReasonText
{
    public static string Reason(this IStringLocalizer l, ForecastReason reason) =>
        reason.Render(CultureInfo.CurrentCulture, r => l[Key(r.Code)], month => CultureFormat.Month(month));

    /// <summary>The resource that words a reason code.</summary>
    public static string Key(string code) => $"Forecast.Reason.{code}";
}
