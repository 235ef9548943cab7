using DigitalTwin.Web.Components.Power;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>The run's MAE, MSE, RMSE and MAPE as cards, and every model's side by side with the best marked.</summary>
public sealed partial class ForecastSummary : ComponentBase
{
    /// <summary>The run to summarize.</summary>
    [Parameter, EditorRequired]
    public required ForecastView View { get; set; }

    private IEnumerable<(string Name, string Value)> Cards =>
    [
        ("MAE", EnergyFormat.Energy(View.Run.Overall.Mae)),
        ("MSE", ForecastText.SquaredEnergy(View.Run.Overall.Mse)),
        ("RMSE", EnergyFormat.Energy(View.Run.Overall.Rmse)),
        ("MAPE", ForecastText.Percent(View.Run.Overall.Mape)),
    ];

    private static string Format(string metric, double value) => metric switch
    {
        "MSE" => ForecastText.SquaredEnergy(value),
        "MAPE" => ForecastText.Percent(value),
        _ => EnergyFormat.Energy(value),
    };
}
