using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// A radial gauge for one value. A new <see cref="Value"/> moves the bar of the existing chart;
/// the number in the middle is plain markup, so it is readable by tests and screen readers.
/// </summary>
public partial class Gauge : ComponentBase
{
    private ChartOptions _options = null!;
    private IReadOnlyList<double> _values = [0];
    private (double? Value, double Min, double Max)? _shown;

    /// <summary>What is measured, shown under the dial.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The reading; null shows "—" and an empty bar.</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>Value at the start of the bar.</summary>
    [Parameter]
    public double Min { get; set; }

    /// <summary>Value at the end of the bar.</summary>
    [Parameter]
    public double Max { get; set; } = 100;

    /// <summary>Unit shown under the value.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>Decimals shown in the value.</summary>
    [Parameter]
    public int Decimals { get; set; } = 1;

    /// <summary>Color of the bar (a CSS color that SVG understands, not a CSS variable); read once.</summary>
    [Parameter]
    public string Color { get; set; } = ChartThemes.Palette[0];

    /// <summary>Height of the dial in pixels; read once.</summary>
    [Parameter]
    public double Height { get; set; } = 220;

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Inline style.</summary>
    [Parameter]
    public string? Style { get; set; }

    /// <summary>Where <see cref="Value"/> falls between <see cref="Min"/> and <see cref="Max"/>, in percent, clamped.</summary>
    internal double Percent => Value is { } v && double.IsFinite(v) && Max > Min
        ? Math.Clamp((v - Min) / (Max - Min) * 100, 0, 100)
        : 0;

    private string AriaLabel => $"{Label} {MetricFormat.WithUnit(Value, Unit ?? string.Empty, Decimals)}".Trim();

    protected override void OnInitialized() => _options = BuildOptions(Color, Height);

    protected override void OnParametersSet()
    {
        // A new list instance is what tells the chart to move; keep the old one when nothing changed.
        if (_shown != (Value, Min, Max))
        {
            _shown = (Value, Min, Max);
            _values = [Math.Round(Percent, 2)];
        }
    }

    private static ChartOptions BuildOptions(string color, double height) => new()
    {
        Chart = new ChartSettings
        {
            Type = ChartType.RadialBar,
            Height = height,
            Sparkline = new ChartToggle(true),
            Animations = new ChartAnimations { Enabled = true, Speed = 600, DynamicAnimation = new ChartDynamicAnimation(true, 600) },
        },
        Colors = [color],
        Labels = [""],
        PlotOptions = new ChartPlotOptions
        {
            RadialBar = new ChartRadialBar
            {
                StartAngle = -135,
                EndAngle = 135,
                Hollow = new ChartHollow("62%"),
                Track = new ChartTrack { Background = "rgba(127,127,127,0.18)", StrokeWidth = "100%" },
                DataLabels = new ChartRadialDataLabels(false),
            },
        },
        Fill = new ChartFill
        {
            Type = "gradient",
            Gradient = new ChartGradient { ShadeIntensity = 0.4, OpacityFrom = 1, OpacityTo = 1, Stops = [0, 100] },
        },
        Stroke = new ChartStroke { LineCap = "round" },
        Tooltip = new ChartTooltip { Enabled = false },
    };
}
