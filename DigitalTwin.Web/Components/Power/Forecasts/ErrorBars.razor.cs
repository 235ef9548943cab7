using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>Bars of absolute and squared error for the top N rows; a click selects the district.</summary>
public sealed partial class ErrorBars : ComponentBase
{
    private ChartOptions? _absOptions;
    private ChartOptions? _squaredOptions;
    private IReadOnlyList<CategorySeries> _abs = [];
    private IReadOnlyList<CategorySeries> _squared = [];
    private ForecastView? _built;

    [Parameter, EditorRequired]
    public required ForecastView View { get; set; }

    [Parameter]
    public EventCallback<District> OnSelect { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_built, View))
        {
            return;
        }
        _built = View;
        // Over several months a district can appear more than once: the month keeps the labels unique.
        var labels = View.TopRows.Select(r => View.Run.Request.Horizon > 1 ? $"{ShortName(r.District)} {CultureFormat.Month(r.Target)}" : ShortName(r.District)).ToList();
        _abs = [new CategorySeries(L["Forecast.AbsError"], [.. View.TopRows.Select((r, i) => new CategoryPoint(labels[i], r.AbsError))])];
        _squared = [new CategorySeries(L["Forecast.SquaredError"], [.. View.TopRows.Select((r, i) => new CategoryPoint(labels[i], r.Error * r.Error))])];
    }

    /// <summary>The 시군구 with its 시도's short name, e.g. "남구 (울산)".</summary>
    public static string ShortName(District district) => $"{district.Sigungu} ({ShortSido(district.Sido)})";

    private static string ShortSido(string sido) => sido switch
    {
        "충청북도" => "충북",
        "충청남도" => "충남",
        "전라남도" => "전남",
        "전북특별자치도" => "전북",
        "경상북도" => "경북",
        "경상남도" => "경남",
        _ => sido[..Math.Min(2, sido.Length)],
    };

    private Task Clicked(ChartClick click) =>
        click.DataPointIndex >= 0 && click.DataPointIndex < View.TopRows.Count
            ? OnSelect.InvokeAsync(View.TopRows[click.DataPointIndex].District)
            : Task.CompletedTask;
}

