using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>Every forecast row, sortable by any column, the top N by absolute error highlighted.</summary>
public sealed partial class ForecastRanking : ComponentBase
{
    [Parameter, EditorRequired]
    public required ForecastView View { get; set; }

    /// <summary>The district whose chart is open; its rows are outlined.</summary>
    [Parameter]
    public District? Selected { get; set; }

    [Parameter]
    public EventCallback<District> OnSelect { get; set; }

    private Task RowClicked(DataGridRowClickEventArgs<ForecastRow> args) => OnSelect.InvokeAsync(args.Item.District);

    private string RowStyle(ForecastRow row, int index) =>
        (View.IsTop(row) ? "background: rgba(229, 57, 53, 0.13);" : "")
        + (row.District == Selected ? "box-shadow: inset 4px 0 0 var(--mud-palette-primary); font-weight: 600;" : "")
        + "cursor: pointer";
}
