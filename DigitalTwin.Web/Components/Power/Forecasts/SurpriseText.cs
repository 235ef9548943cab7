using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Localization;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>The explanation's summary in the reader's language, from the numbers Core computed (Core's own summary is the API's, in English).</summary>
public static class SurpriseText
{
    public static string Summary(SurpriseExplanation e, IReadOnlyList<ForecastRow> rows, IStringLocalizer l) => e.Gap switch
    {
        SurpriseGap.None => l["Forecast.Surprise.Lead", e.Top, 100 * e.TopIndustrialShare, 100 * e.OtherIndustrialShare, e.TopMeanKwh / e.OtherMeanKwh]
            + " " + l[e.ShareComparedToSize switch { 0 => "Forecast.Surprise.Same", > 0 => "Forecast.Surprise.More", _ => "Forecast.Surprise.Less" },
                e.ShareR, e.ShareRho, e.SizeR, e.SizeRho, e.Scored],
        SurpriseGap.NoForecast => l["Forecast.Surprise.NoForecast"],
        SurpriseGap.NoActuals => l["Forecast.Surprise.NoActuals", string.Join(", ", rows.Select(r => r.Target).Distinct().Order().Select(m => CultureFormat.Month(m)))],
        SurpriseGap.TopTooLarge => l["Forecast.Surprise.TopTooLarge", e.Scored],
        _ => l["Forecast.Surprise.TooFew", e.Scored, SurpriseExplanation.MinScored],
    };
}
