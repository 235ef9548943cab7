using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Power;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DigitalTwin.Web.Components.Power;

/// <summary>
/// A map of Korea's 시군구 coloured by a value per KEPCO district (D3 on the KOSTAT 2018 boundaries). Cities that
/// KOSTAT splits into 구 are drawn as one district. The boundaries are downloaded once per page; new parameters
/// recolour the map without downloading or re-creating it. Zoom and pan with the wheel or by dragging.
/// </summary>
/// <example>
/// Signed forecast errors per district, red for over-forecast, with the same scale for every month:
/// <code>
/// &lt;DistrictMap Values="_errors" Scale="DistrictMapScale.Diverging" Domain="(-0.2, 0.2)"
///              ValueFormat="v => EnergyFormat.Change(v)" LegendTitle="Forecast error, 2024-04"
///              OnDistrictClick="d => Navigation.NavigateTo(PowerRoutes.District(d))" /&gt;
/// </code>
/// </example>
public partial class DistrictMap : ComponentBase, IAsyncDisposable
{
    private const string ModulePath = "./Components/Power/DistrictMap.razor.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _map;
    private DotNetObjectReference<DistrictMap>? _self;
    private string? _sentModel;
    private string? _failure;
    private bool _disposed;

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The value of each district; districts missing here are grey with "no data" in the tooltip.</summary>
    [Parameter]
    public IReadOnlyDictionary<District, double>? Values { get; set; }

    /// <summary>Text for a value in the tooltip and the legend, e.g. <see cref="EnergyFormat.Energy"/>; default "1,234.5".</summary>
    [Parameter]
    public Func<double, string>? ValueFormat { get; set; }

    /// <summary>Title above the colour legend, e.g. "합계, 2024-04".</summary>
    [Parameter]
    public string? LegendTitle { get; set; }

    /// <summary>Sequential (default), logarithmic for values spanning orders of magnitude, or diverging around zero for signed errors.</summary>
    [Parameter]
    public DistrictMapScale Scale { get; set; }

    /// <summary>Fixed ends of the colour scale (to compare maps); null takes them from <see cref="Values"/> (diverging: ± the largest size).</summary>
    [Parameter]
    public (double Min, double Max)? Domain { get; set; }

    /// <summary>Districts drawn with a thick outline in the theme's primary colour.</summary>
    [Parameter]
    public IReadOnlyCollection<District>? Highlighted { get; set; }

    /// <summary>Raised when a district is clicked (not after a drag); districts show a pointer only when this is set.</summary>
    [Parameter]
    public EventCallback<District> OnDistrictClick { get; set; }

    /// <summary>CSS height of the map including its legend; the map is fitted to the container's width and this height.</summary>
    [Parameter]
    public string Height { get; set; } = "560px";

    /// <summary>Accessible description of the map (an image to screen readers).</summary>
    [Parameter]
    public string? AriaLabel { get; set; } = "Map of Korea's districts";

    /// <summary>Extra CSS classes for the container.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Dark mode of the MudBlazor theme, cascaded by the main layout.</summary>
    [CascadingParameter(Name = ThemeCascade.IsDarkMode)]
    public bool IsDarkMode { get; set; }

    private string CssClass => string.IsNullOrEmpty(Class) ? "district-map" : $"district-map {Class}";

    /// <summary>Called by the map's JavaScript when a district is clicked.</summary>
    [JSInvokable]
    public Task DistrictClicked(string sido, string sigungu) => OnDistrictClick.InvokeAsync(new District(sido, sigungu));

    /// <summary>Called by the map's JavaScript when the boundaries or the scripts could not be loaded.</summary>
    [JSInvokable]
    public void MapFailed(string reason)
    {
        _failure = L["Map.Failed", reason];
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var model = ChartJson.Serialize(DistrictMapModel.Build(
            Values, ValueFormat, Scale, Domain, Highlighted, LegendTitle, OnDistrictClick.HasDelegate, IsDarkMode) with { NoData = L["Common.NoData"] });
        if (firstRender)
        {
            await CreateAsync(model);
        }
        else if (_map is not null && model != _sentModel)
        {
            _sentModel = model;
            await _map.InvokeVoidAsync("update", model);
        }
    }

    private async Task CreateAsync(string model)
    {
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _self = DotNetObjectReference.Create(this);
            _sentModel = model;
            _map = await _module.InvokeAsync<IJSObjectReference>("create", _element, _self, model, new
            {
                boundaries = DistrictBoundariesApi.BoundariesPath,
                objectName = DistrictBoundaries.ObjectName,
                scripts = new[] { Assets["lib/d3/d3.min.js"], Assets["lib/topojson-client/topojson-client.min.js"] },
            });
        }
        catch (JSDisconnectedException)
        {
            // The user left before the map was drawn.
        }
        catch (JSException e)
        {
            // The module itself did not load: say so, keep the page.
            MapFailed(e.Message);
        }
        if (_disposed)
        {
            await DisposeJsAsync();
        }
    }

    private async Task ResetZoomAsync()
    {
        if (_map is not null)
        {
            await _map.InvokeVoidAsync("resetZoom");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DisposeJsAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DisposeJsAsync()
    {
        try
        {
            if (_map is not null)
            {
                await _map.InvokeVoidAsync("destroy");
                await _map.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's map with it.
        }
        finally
        {
            _map = null;
            _module = null;
            _self?.Dispose();
            _self = null;
        }
    }
}
