using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>A tiny line chart without axes, for a trend at a glance. A new <see cref="Points"/> list redraws it.</summary>
public partial class Sparkline : ComponentBase
{
    private ChartOptions _options = null!;
    private IReadOnlyList<ChartSeries> _series = [];
    private IReadOnlyList<ChartPoint>? _shownPoints;

    /// <summary>The points, oldest first. Pass a new list instance to redraw.</summary>
    [Parameter]
    public IReadOnlyList<ChartPoint>? Points { get; set; }

    /// <summary>Name of the series (shown to screen readers).</summary>
    [Parameter]
    public string Name { get; set; } = "Trend";

    /// <summary>Line color (a CSS color, not a CSS variable); read once.</summary>
    [Parameter]
    public string Color { get; set; } = ChartThemes.Palette[0];

    /// <summary>Height in pixels; read once.</summary>
    [Parameter]
    public double Height { get; set; } = 48;

    /// <summary>Most points drawn; older ones are dropped.</summary>
    [Parameter]
    public int MaxPoints { get; set; } = 300;

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    private string AriaLabel => $"{Name}: {Points?.Count ?? 0} points";

    // Reserve the height before the chart is drawn, so the card does not jump.
    private string ContainerStyle => $"min-height: {MetricFormat.Invariant(Height)}px";

    protected override void OnInitialized() => _options = new ChartOptions
    {
        Chart = new ChartSettings
        {
            Type = ChartType.Area,
            Height = Height,
            Sparkline = new ChartToggle(true),
            Animations = new ChartAnimations { Enabled = false },
        },
        Colors = [Color],
        Stroke = new ChartStroke { Curve = StrokeCurve.Smooth, Width = 2 },
        Fill = new ChartFill
        {
            Type = "gradient",
            Gradient = new ChartGradient { ShadeIntensity = 1, OpacityFrom = 0.35, OpacityTo = 0.0, Stops = [0, 100] },
        },
        XAxis = new ChartXAxis { Type = AxisType.Datetime },
        Tooltip = new ChartTooltip { Enabled = false },
    };

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Points, _shownPoints))
        {
            _shownPoints = Points;
            _series = [new ChartSeries(Name, Points ?? [])];
        }
    }
}
