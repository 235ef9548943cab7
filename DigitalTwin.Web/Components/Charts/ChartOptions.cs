using System.Text.Json.Serialization;

namespace DigitalTwin.Web.Components.Charts;

// Typed subset of the ApexCharts options (https://apexcharts.com/docs/options/) that this app uses:
// line/area time series on a datetime axis, a radialBar gauge and sparklines, (stacked) bars and a
// heatmap on a category axis, a donut. Every property is optional; null means "ApexCharts' default"
// because nulls are not serialized.

/// <summary>Root of the ApexCharts options object.</summary>
public sealed record ChartOptions
{
    public ChartSettings? Chart { get; init; }
    public IReadOnlyList<string>? Colors { get; init; }
    public ChartDataLabels? DataLabels { get; init; }
    public ChartFill? Fill { get; init; }
    public ChartGrid? Grid { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
    public ChartLegend? Legend { get; init; }
    public ChartMarkers? Markers { get; init; }
    public ChartNoData? NoData { get; init; }
    public ChartPlotOptions? PlotOptions { get; init; }
    public ChartStroke? Stroke { get; init; }
    public ChartTheme? Theme { get; init; }
    public ChartTooltip? Tooltip { get; init; }
    [JsonPropertyName("xaxis")] public ChartXAxis? XAxis { get; init; }
    /// <summary>One axis per unit; ApexCharts binds each to the series named in <see cref="ChartYAxis.SeriesName"/>.</summary>
    [JsonPropertyName("yaxis")] public IReadOnlyList<ChartYAxis>? YAxis { get; init; }
    public ChartAnnotations? Annotations { get; init; }
}

public enum ChartType { Line, Area, RadialBar, Bar, Heatmap, Donut, RangeArea, Scatter }

/// <summary>
/// A formatter known by name to ApexChart.razor.js: JSON cannot carry functions, so options name one
/// of a fixed set instead of shipping script.
/// </summary>
public enum ChartFormatter
{
    /// <summary>kWh as kWh/MWh/GWh/TWh, e.g. "12.3 GWh".</summary>
    Energy,

    /// <summary>A percentage value as "62%".</summary>
    Percent,

    /// <summary>A percentage value with its sign, "+3.1%".</summary>
    SignedPercent,

    /// <summary>A heatmap cell: the point's raw kWh (<see cref="CategoryPoint.Raw"/>) and the colored value.</summary>
    HeatmapCell,

    /// <summary>kWh squared (a squared error) as its square root's unit squared, e.g. "(1.2 GWh)²".</summary>
    SquaredEnergy,
}

public sealed record ChartSettings
{
    public ChartType? Type { get; init; }
    /// <summary>Height in CSS pixels; null lets ApexCharts pick one from the width.</summary>
    public double? Height { get; init; }
    public string? Background { get; init; }
    public string? ForeColor { get; init; }
    public string? FontFamily { get; init; }
    public ChartToggle? Sparkline { get; init; }
    /// <summary>Stacks the series of a bar or area chart.</summary>
    public bool? Stacked { get; init; }
    public ChartToolbar? Toolbar { get; init; }
    public ChartToggle? Zoom { get; init; }
    public ChartAnimations? Animations { get; init; }
}

/// <summary>Any ApexCharts option that is just <c>{ enabled: bool }</c>.</summary>
public sealed record ChartToggle(bool Enabled);

public sealed record ChartToolbar(bool Show);

public sealed record ChartAnimations
{
    public bool? Enabled { get; init; }
    public string? Easing { get; init; }
    public int? Speed { get; init; }
    public ChartDynamicAnimation? DynamicAnimation { get; init; }
}

public sealed record ChartDynamicAnimation(bool Enabled, int Speed);

public sealed record ChartDataLabels(bool Enabled)
{
    public ChartFormatter? Formatter { get; init; }
}

public enum StrokeCurve { Smooth, Straight, Stepline }

public sealed record ChartStroke
{
    public StrokeCurve? Curve { get; init; }
    public double? Width { get; init; }
    public string? LineCap { get; init; }
}

public sealed record ChartFill
{
    /// <summary>"solid" or "gradient".</summary>
    public string? Type { get; init; }
    public double? Opacity { get; init; }
    public ChartGradient? Gradient { get; init; }
}

public sealed record ChartGradient
{
    public double? ShadeIntensity { get; init; }
    public double? OpacityFrom { get; init; }
    public double? OpacityTo { get; init; }
    public IReadOnlyList<double>? Stops { get; init; }
    public IReadOnlyList<string>? GradientToColors { get; init; }
}

public sealed record ChartGrid
{
    public bool? Show { get; init; }
    public string? BorderColor { get; init; }
    public double? StrokeDashArray { get; init; }
}

public sealed record ChartLegend
{
    public bool? Show { get; init; }
    /// <summary>"top", "bottom", "left" or "right".</summary>
    public string? Position { get; init; }
    /// <summary>"left", "center" or "right".</summary>
    public string? HorizontalAlign { get; init; }
}

public sealed record ChartMarkers(double Size);

public sealed record ChartNoData(string Text);

public enum ThemeMode { Light, Dark }

public sealed record ChartTheme(ThemeMode Mode);

public sealed record ChartTooltip
{
    public bool? Enabled { get; init; }
    public bool? Shared { get; init; }
    /// <summary>Tooltip only over a bar itself; must be false for a shared tooltip on bars.</summary>
    public bool? Intersect { get; init; }
    /// <summary>"light" or "dark".</summary>
    public string? Theme { get; init; }
    [JsonPropertyName("x")] public ChartTooltipX? X { get; init; }
    [JsonPropertyName("y")] public ChartTooltipY? Y { get; init; }
}

public sealed record ChartTooltipY(ChartFormatter Formatter);

/// <summary>How the tooltip shows the x value, e.g. <c>HH:mm:ss</c> (ApexCharts date format).</summary>
public sealed record ChartTooltipX(string Format);

public enum AxisType { Datetime, Numeric, Category }

public sealed record ChartXAxis
{
    public AxisType? Type { get; init; }
    public ChartAxisLabels? Labels { get; init; }
    public ChartAxisTitle? Title { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Number of intervals between ticks on a numeric axis.</summary>
    public int? TickAmount { get; init; }
    /// <summary>Width of a sliding window on the x axis (ms on a datetime axis).</summary>
    public double? Range { get; init; }
    /// <summary>Labels of a category axis when the series are plain values.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
}

public sealed record ChartYAxis
{
    public string? SeriesName { get; init; }
    /// <summary>True draws the axis on the right.</summary>
    public bool? Opposite { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? TickAmount { get; init; }
    public int? DecimalsInFloat { get; init; }
    public ChartAxisLabels? Labels { get; init; }
    public ChartAxisTitle? Title { get; init; }
}

public sealed record ChartAxisLabels
{
    public bool? Show { get; init; }
    /// <summary>False shows datetime labels in the browser's time zone.</summary>
    [JsonPropertyName("datetimeUTC")] public bool? DatetimeUtc { get; init; }
    public string? Format { get; init; }
    public ChartFormatter? Formatter { get; init; }
    /// <summary>Angle of crowded x labels; 0 keeps them horizontal.</summary>
    public double? Rotate { get; init; }
}

public sealed record ChartAxisTitle(string Text);

public sealed record ChartPlotOptions
{
    public ChartRadialBar? RadialBar { get; init; }
    public ChartBar? Bar { get; init; }
    public ChartHeatmap? Heatmap { get; init; }
    public ChartPie? Pie { get; init; }
}

public sealed record ChartBar
{
    public bool? Horizontal { get; init; }
    /// <summary>Bar width as a share of the slot, e.g. <c>"70%"</c>.</summary>
    public string? ColumnWidth { get; init; }
    public string? BarHeight { get; init; }
    public double? BorderRadius { get; init; }
    /// <summary>One color per category instead of per series.</summary>
    public bool? Distributed { get; init; }
    public ChartBarColors? Colors { get; init; }
}

/// <summary>Bar colors by value, e.g. red below zero and green above.</summary>
public sealed record ChartBarColors(IReadOnlyList<ChartColorRange> Ranges);

public sealed record ChartHeatmap
{
    public double? Radius { get; init; }
    /// <summary>False colors each cell by its range only, without ApexCharts' extra shading.</summary>
    public bool? EnableShades { get; init; }
    public bool? UseFillColorAsStroke { get; init; }
    public ChartColorScale? ColorScale { get; init; }
}

public sealed record ChartColorScale(IReadOnlyList<ChartColorRange> Ranges);

/// <summary>Values from <see cref="From"/> to <see cref="To"/> get <see cref="Color"/>.</summary>
public sealed record ChartColorRange(double From, double To, string Color)
{
    public string? Name { get; init; }
}

public sealed record ChartPie(ChartDonut Donut);

/// <summary>The hole of a donut, e.g. <c>"62%"</c>.</summary>
public sealed record ChartDonut(string Size);

public sealed record ChartRadialBar
{
    public double? StartAngle { get; init; }
    public double? EndAngle { get; init; }
    public ChartHollow? Hollow { get; init; }
    public ChartTrack? Track { get; init; }
    public ChartRadialDataLabels? DataLabels { get; init; }
}

/// <summary>The empty middle of a radial bar, e.g. <c>"64%"</c>.</summary>
public sealed record ChartHollow(string Size);

public sealed record ChartTrack
{
    public string? Background { get; init; }
    /// <summary>Percentage of the bar's width, e.g. <c>"100%"</c>.</summary>
    public string? StrokeWidth { get; init; }
}

public sealed record ChartRadialDataLabels(bool Show);

public sealed record ChartAnnotations
{
    [JsonPropertyName("yaxis")] public IReadOnlyList<ChartYAnnotation>? YAxis { get; init; }
    [JsonPropertyName("xaxis")] public IReadOnlyList<ChartXAnnotation>? XAxis { get; init; }
    [JsonPropertyName("points")] public IReadOnlyList<ChartPointAnnotation>? Points { get; init; }
}

/// <summary>A marker at one reading (<see cref="X"/> in unix ms, <see cref="Y"/> on axis <see cref="YAxisIndex"/>), with a label.</summary>
public sealed record ChartPointAnnotation
{
    [JsonPropertyName("x")] public required long X { get; init; }
    [JsonPropertyName("y")] public required double Y { get; init; }
    public int? YAxisIndex { get; init; }
    public ChartPointMarker? Marker { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

public sealed record ChartPointMarker(double Size, string FillColor, string StrokeColor)
{
    public double? StrokeWidth { get; init; }
}

/// <summary>A horizontal line at <see cref="Y"/>, or a band to <see cref="Y2"/> (e.g. an alert threshold).</summary>
public sealed record ChartYAnnotation
{
    [JsonPropertyName("y")] public required double Y { get; init; }
    [JsonPropertyName("y2")] public double? Y2 { get; init; }
    public string? BorderColor { get; init; }
    public string? FillColor { get; init; }
    public double? StrokeDashArray { get; init; }
    /// <summary>The y axis the line belongs to on a chart with several (0 = the first).</summary>
    public int? YAxisIndex { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

/// <summary>A vertical line at <see cref="X"/> (unix ms), or a band to <see cref="X2"/>.</summary>
public sealed record ChartXAnnotation
{
    [JsonPropertyName("x")] public required long X { get; init; }
    [JsonPropertyName("x2")] public long? X2 { get; init; }
    public string? BorderColor { get; init; }
    public string? FillColor { get; init; }
    public double? Opacity { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

public sealed record ChartAnnotationLabel(string Text)
{
    public string? BorderColor { get; init; }
    /// <summary>"horizontal" or "vertical" (ApexCharts' default for x-axis annotations).</summary>
    public string? Orientation { get; init; }
    public ChartAnnotationLabelStyle? Style { get; init; }
}

/// <summary>Label colors; set both, since ApexCharts' default (white box) is unreadable on a dark theme.</summary>
public sealed record ChartAnnotationLabelStyle(string Color, string Background);
