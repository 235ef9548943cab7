using DigitalTwin.Core.Power;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>Says which target months have no actuals yet and, when none has, which cutoff to pick to compare.</summary>
public sealed partial class ForecastNoActualsNote : ComponentBase
{
    [Parameter, EditorRequired]
    public required ForecastView View { get; set; }

    /// <summary>The latest cutoff whose targets have actuals.</summary>
    [Parameter, EditorRequired]
    public required YearMonth LatestWithActuals { get; set; }

    /// <summary>One text, so the two sentences keep the space between them (markup between them loses it).</summary>
    private string Text
    {
        get
        {
            var missing = L["Forecast.NoActuals", string.Join(", ", View.MissingActuals.Select(m => CultureFormat.Month(m)))].Value;
            return View.HasActuals ? missing : $"{missing} {L["Forecast.PickEarlier", CultureFormat.Month(LatestWithActuals)].Value}";
        }
    }
}
