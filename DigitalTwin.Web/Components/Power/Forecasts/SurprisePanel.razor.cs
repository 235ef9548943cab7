using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>The generated explanation, its correlations, and the error-vs-share scatter (top N in red).</summary>
public sealed partial class SurprisePanel : ComponentBase
{
    private IReadOnlyList<MixedSeries> _series = [];
    private IReadOnlyList<SurprisePoint>[] _points = [[], []];
    private ForecastView? _built;

    [Parameter, EditorRequired]
    public required ForecastView View { get; set; }

    [Parameter]
    public EventCallback<District> OnSelect { get; set; }

    private ChartOptions? _scatter;

    private SurpriseExplanation Explanation => View.Explanation;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_built, View))
        {
            return;
        }
        _built = View;
        _points = [[.. Explanation.Points.Where(p => p.Top)], [.. Explanation.Points.Where(p => !p.Top)]];
        _series =
        [
            new MixedSeries(L["Forecast.TopN.Series", View.Top], ChartType.Scatter, [.. _points[0].Select(Dot)]),
            new MixedSeries(L["Forecast.Others"], ChartType.Scatter, [.. _points[1].Select(Dot)]),
        ];
    }

    private static object Dot(SurprisePoint p) => new XyPoint(Math.Round(100 * p.IndustrialShare, 2), Math.Round(p.PctError, 2));

    private Task Clicked(ChartClick click) =>
        click.SeriesIndex is 0 or 1 && click.DataPointIndex >= 0 && click.DataPointIndex < _points[click.SeriesIndex].Count
            ? OnSelect.InvokeAsync(_points[click.SeriesIndex][click.DataPointIndex].District)
            : Task.CompletedTask;
}
