using DigitalTwin.Web.Components.Charts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>Chart options of the forecast page.</summary>
internal static class ForecastCharts
{
    public const string TopColor = "#e53935";
    public const string OtherColor = "#90a4ae";

    private static readonly ChartToolbar NoToolbar = new(false);

    /// <summary>One bar per top-N district, largest first: absolute error (kWh) or squared error (kWh²).</summary>
    public static ChartOptions ErrorBars(string color, ChartFormatter formatter, string noData) => new()
    {
        Chart = new ChartSettings { Type = ChartType.Bar, Height = 300, Toolbar = NoToolbar, Zoom = new ChartToggle(false) },
        Colors = [color],
        PlotOptions = new ChartPlotOptions { Bar = new ChartBar { ColumnWidth = "60%", BorderRadius = 2 } },
        DataLabels = new ChartDataLabels(false),
        XAxis = new ChartXAxis { Type = AxisType.Category, Labels = new ChartAxisLabels { Rotate = -45 } },
        YAxis = [new ChartYAxis { Labels = new ChartAxisLabels { Formatter = formatter } }],
        Tooltip = new ChartTooltip { Y = new ChartTooltipY(formatter) },
        Legend = new ChartLegend { Show = false },
        NoData = new ChartNoData(noData),
    };

    /// <summary>History, the forecast with its 90 % band, and the actual, on a datetime axis.</summary>
    public static ChartOptions District { get; } = new()
    {
        Chart = new ChartSettings { Type = ChartType.RangeArea, Height = 420, Toolbar = NoToolbar, Zoom = new ChartToggle(false), Animations = new ChartAnimations { Enabled = false } },
        Colors = ["#1e88e5", "#ff8f00", "#ff8f00", "#43a047"],
        Fill = new ChartFill { Opacity = 0.25 },
        Stroke = new ChartStroke { Curve = StrokeCurve.Straight, Width = 2 },
        Markers = new ChartMarkers(4),
        DataLabels = new ChartDataLabels(false),
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { Format = "yyyy-MM" } },
        YAxis = [new ChartYAxis { Labels = new ChartAxisLabels { Formatter = ChartFormatter.Energy } }],
        Tooltip = new ChartTooltip { Shared = false, Intersect = false, X = new ChartTooltipX("yyyy-MM"), Y = new ChartTooltipY(ChartFormatter.Energy) },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "left" },
    };

    /// <summary>Percentage error against industrial share, the top N in red.</summary>
    public static ChartOptions Scatter(IStringLocalizer l) => new()
    {
        Chart = new ChartSettings { Type = ChartType.Scatter, Height = 320, Toolbar = NoToolbar, Zoom = new ChartToggle(false) },
        Colors = [TopColor, OtherColor],
        Markers = new ChartMarkers(6),
        XAxis = new ChartXAxis
        {
            Type = AxisType.Numeric, Min = 0, Max = 100, TickAmount = 4,
            Title = new ChartAxisTitle(l["Forecast.Axis.Share"]),
            Labels = new ChartAxisLabels { Formatter = ChartFormatter.Percent },
        },
        YAxis = [new ChartYAxis { Min = 0, Title = new ChartAxisTitle(l["Forecast.Axis.Error"]), Labels = new ChartAxisLabels { Formatter = ChartFormatter.Percent } }],
        Tooltip = new ChartTooltip { Y = new ChartTooltipY(ChartFormatter.SignedPercent) },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "left" },
    };
}
