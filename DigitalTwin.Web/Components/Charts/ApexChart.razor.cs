using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DigitalTwin.Web.Components.Charts;

/// <summary>
/// An ApexCharts chart. The chart is created once, after the first render; later changes go
/// through <see cref="UpdateSeriesAsync"/>, <see cref="AppendDataAsync"/> and
/// <see cref="UpdateOptionsAsync"/>, or by passing a new <see cref="Series"/> or
/// <see cref="Values"/> list instance, which replaces the data without re-creating the chart.
/// </summary>
public partial class ApexChart : ComponentBase, IAsyncDisposable
{
    private const string ModulePath = "./Components/Charts/ApexChart.razor.js";

    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private DotNetObjectReference<ApexChart>? _self;
    private object? _sentData;
    private bool? _sentDarkMode;
    private IReadOnlyList<string> _colors = ChartThemes.Palette;
    private bool _disposed;

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>Chart options; read when the chart is created. Use <see cref="UpdateOptionsAsync"/> to change them.</summary>
    [Parameter, EditorRequired]
    public required ChartOptions Options { get; set; }

    /// <summary>Series for line/area charts. A new list instance replaces the chart's data.</summary>
    [Parameter]
    public IReadOnlyList<ChartSeries>? Series { get; set; }

    /// <summary>Series on a category axis (bar, heatmap). A new list instance replaces the chart's data.</summary>
    [Parameter]
    public IReadOnlyList<CategorySeries>? CategorySeries { get; set; }

    /// <summary>Series that each carry their own type (combination and scatter charts). A new list instance replaces them.</summary>
    [Parameter]
    public IReadOnlyList<MixedSeries>? MixedSeries { get; set; }

    /// <summary>A click on a bar, a marker or a dot; the chart reports which one.</summary>
    [Parameter]
    public EventCallback<ChartClick> OnDataPointClick { get; set; }

    /// <summary>Values for radialBar and donut charts (percentages, one per bar). A new list instance replaces them.</summary>
    [Parameter]
    public IReadOnlyList<double>? Values { get; set; }

    /// <summary>Most points kept per series; older points are dropped so a live chart does not grow forever.</summary>
    [Parameter]
    public int MaxPoints { get; set; } = 1_000;

    /// <summary>Accessible description of the chart (the chart itself is an image to screen readers).</summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    /// <summary>Extra CSS classes for the chart's container.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Inline style for the chart's container.</summary>
    [Parameter]
    public string? Style { get; set; }

    /// <summary>Dark mode of the MudBlazor theme, cascaded by the main layout; the chart follows it.</summary>
    [CascadingParameter(Name = ThemeCascade.IsDarkMode)]
    public bool IsDarkMode { get; set; }

    private string CssClass => string.IsNullOrEmpty(Class) ? "apex-chart" : $"apex-chart {Class}";

    private object? CurrentData => (object?)Series ?? (object?)CategorySeries ?? (object?)MixedSeries ?? Values;

    /// <summary>Replaces every series.</summary>
    public async Task UpdateSeriesAsync(IReadOnlyList<ChartSeries> series, bool animate = true)
    {
        if (await WhenCreatedAsync() is { } chart)
        {
            await chart.InvokeVoidAsync("updateSeries", ChartJson.Serialize(series), animate);
        }
    }

    /// <summary>
    /// Appends points to the series of the same name (adding series that are new), then trims
    /// each series to <see cref="MaxPoints"/>.
    /// </summary>
    public async Task AppendDataAsync(IReadOnlyList<ChartSeries> points)
    {
        if (await WhenCreatedAsync() is { } chart)
        {
            await chart.InvokeVoidAsync("appendData", ChartJson.Serialize(points));
        }
    }

    /// <summary>Merges <paramref name="options"/> into the chart's options (ApexCharts <c>updateOptions</c>).</summary>
    public async Task UpdateOptionsAsync(ChartOptions options, bool animate = true)
    {
        if (await WhenCreatedAsync() is { } chart)
        {
            _colors = options.Colors ?? _colors;
            await chart.InvokeVoidAsync("updateOptions", ChartJson.Serialize(options), animate);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await CreateAsync();
            return;
        }

        if (_chart is null)
        {
            return;
        }

        // Parameters changed since the chart was created: push only what differs.
        if (!ReferenceEquals(CurrentData, _sentData))
        {
            _sentData = CurrentData;
            await _chart.InvokeVoidAsync("updateSeries", SerializeData(), true);
        }

        if (_sentDarkMode != IsDarkMode)
        {
            _sentDarkMode = IsDarkMode;
            await _chart.InvokeVoidAsync("updateOptions", ThemeJson(), false);
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _sentData = CurrentData;
            _sentDarkMode = IsDarkMode;
            _colors = Options.Colors ?? ChartThemes.Palette;
            _chart = _module is null
                ? null
                : await _module.InvokeAsync<IJSObjectReference>(
                    "create",
                    _element,
                    ChartJson.Serialize(Options),
                    ThemeJson(),
                    SerializeData(),
                    MaxPoints,
                    OnDataPointClick.HasDelegate ? _self = DotNetObjectReference.Create(this) : null);
        }
        catch (JSDisconnectedException)
        {
            // The user left before the chart was drawn.
        }
        finally
        {
            _created.TrySetResult();
        }

        if (_disposed)
        {
            await DisposeJsAsync();
        }
    }

    /// <summary>Called by ApexChart.razor.js when a data point is selected.</summary>
    [JSInvokable]
    public Task OnDataPointSelected(int seriesIndex, int dataPointIndex) =>
        OnDataPointClick.InvokeAsync(new ChartClick(seriesIndex, dataPointIndex));

    // ApexCharts swaps in its own palette when the theme mode changes, so the colors go along.
    private string ThemeJson() => ChartJson.Serialize(ChartThemes.For(IsDarkMode) with { Colors = _colors });

    private string SerializeData() => Series is not null ? ChartJson.Serialize(Series)
        : CategorySeries is not null ? ChartJson.Serialize(CategorySeries)
        : MixedSeries is not null ? ChartJson.Serialize(MixedSeries)
        : ChartJson.Serialize(Values ?? []);

    private async Task<IJSObjectReference?> WhenCreatedAsync()
    {
        await _created.Task;
        return _disposed ? null : _chart;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        // Callers waiting for a chart that will now never be created get null instead.
        _created.TrySetResult();
        await DisposeJsAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DisposeJsAsync()
    {
        try
        {
            if (_chart is not null)
            {
                await _chart.InvokeVoidAsync("destroy");
                await _chart.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's chart with it.
        }
        finally
        {
            _chart = null;
            _module = null;
            _self?.Dispose();
            _self = null;
        }
    }
}
