using DigitalTwin.Core.Power;
using DigitalTwin.Web.Components.Charts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Chart options of the power pages; energy axes and tooltips all use <see cref="ChartFormatter.Energy"/>.</summary>
internal static class PowerCharts
{
    private static readonly ChartToolbar NoToolbar = new(false);

    /// <summary>Monthly kWh by contract type, stacked so the bar's height is the district's total.</summary>
    public static ChartOptions StackedMonthly(IReadOnlyList<string> contractTypes, string noData) => new()
    {
        Chart = new ChartSettings { Type = ChartType.Bar, Height = 360, Stacked = true, Toolbar = NoToolbar, Zoom = new ChartToggle(false) },
        Colors = ContractTypeColors.For(contractTypes),
        PlotOptions = new ChartPlotOptions { Bar = new ChartBar { ColumnWidth = "65%" } },
        DataLabels = new ChartDataLabels(false),
        XAxis = new ChartXAxis { Type = AxisType.Category, Labels = new ChartAxisLabels { Rotate = -45 } },
        YAxis = [new ChartYAxis { Labels = new ChartAxisLabels { Formatter = ChartFormatter.Energy } }],
        Tooltip = new ChartTooltip { Shared = true, Intersect = false, Y = new ChartTooltipY(ChartFormatter.Energy) },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "left" },
        NoData = new ChartNoData(noData),
    };

    /// <summary>The contract-type mix as a donut, colored like the stacked bars.</summary>
    public static ChartOptions Mix(IReadOnlyList<string> contractTypes) => new()
    {
        Chart = new ChartSettings { Type = ChartType.Donut, Height = 300 },
        Labels = contractTypes,
        Colors = ContractTypeColors.For(contractTypes),
        PlotOptions = new ChartPlotOptions { Pie = new ChartPie(new ChartDonut("58%")) },
        DataLabels = new ChartDataLabels(true) { Formatter = ChartFormatter.Percent },
        Tooltip = new ChartTooltip { Y = new ChartTooltipY(ChartFormatter.Energy) },
        Legend = new ChartLegend { Position = "bottom" },
        Stroke = new ChartStroke { Width = 1 },
    };

    /// <summary>Year-over-year change in percent: red where use fell, green where it grew.</summary>
    public static ChartOptions YearOverYear { get; } = new()
    {
        Chart = new ChartSettings { Type = ChartType.Bar, Height = 260, Toolbar = NoToolbar, Zoom = new ChartToggle(false) },
        Colors = ["#43a047"],
        PlotOptions = new ChartPlotOptions
        {
            Bar = new ChartBar
            {
                ColumnWidth = "50%",
                Colors = new ChartBarColors([new ChartColorRange(-1000, 0, "#e53935"), new ChartColorRange(0, 1000, "#43a047")]),
            },
        },
        DataLabels = new ChartDataLabels(true) { Formatter = ChartFormatter.SignedPercent },
        XAxis = new ChartXAxis { Type = AxisType.Category },
        YAxis = [new ChartYAxis { Labels = new ChartAxisLabels { Formatter = ChartFormatter.SignedPercent } }],
        Tooltip = new ChartTooltip { Y = new ChartTooltipY(ChartFormatter.SignedPercent) },
        Legend = new ChartLegend { Show = false },
    };

    /// <summary>Per-시도 totals over time on a datetime axis, so gaps between imported periods show as gaps.</summary>
    public static ChartOptions ProvinceLines { get; } = new()
    {
        Chart = new ChartSettings { Type = ChartType.Line, Height = 420, Toolbar = NoToolbar, Zoom = new ChartToggle(false) },
        Colors = ProvincePalette,
        Stroke = new ChartStroke { Curve = StrokeCurve.Straight, Width = 2 },
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { Format = "yyyy-MM" } },
        YAxis = [new ChartYAxis { Min = 0, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Energy } }],
        Tooltip = new ChartTooltip { Shared = false, X = new ChartTooltipX("yyyy-MM"), Y = new ChartTooltipY(ChartFormatter.Energy) },
        Legend = new ChartLegend { Position = "bottom" },
    };

    /// <summary>17 시도 need more distinct colors than the default palette has.</summary>
    private static IReadOnlyList<string> ProvincePalette =>
    [
        "#1e88e5", "#e53935", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#d81b60", "#7cb342",
        "#3949ab", "#fdd835", "#00897b", "#f4511e", "#5e35b1", "#546e7a", "#c0ca33", "#039be5",
    ];

    /// <summary>A districts × months heatmap; rows are ~22 px so hundreds of districts stay legible when scrolled.</summary>
    public static ChartOptions Heatmap(int rows, HeatmapScale scale, IStringLocalizer l) => new()
    {
        Chart = new ChartSettings { Type = ChartType.Heatmap, Height = Math.Max(260, 80 + rows * 22), Toolbar = NoToolbar, Animations = new ChartAnimations { Enabled = false } },
        DataLabels = new ChartDataLabels(false),
        PlotOptions = new ChartPlotOptions
        {
            Heatmap = new ChartHeatmap { Radius = 1, EnableShades = false, UseFillColorAsStroke = false, ColorScale = new ChartColorScale(HeatmapRanges(scale, l)) },
        },
        XAxis = new ChartXAxis { Type = AxisType.Category, Labels = new ChartAxisLabels { Rotate = -45 } },
        Tooltip = new ChartTooltip { Y = new ChartTooltipY(ChartFormatter.HeatmapCell) },
        // Also the tooltip's text for a month without a value (ChartFormatter.HeatmapCell).
        NoData = new ChartNoData(l["Common.NoData"]),
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "left" },
        Stroke = new ChartStroke { Width = 1 },
    };

    private static IReadOnlyList<ChartColorRange> HeatmapRanges(HeatmapScale scale, IStringLocalizer l) => scale == HeatmapScale.ShareOfMax
        ?
        [
            new ChartColorRange(0, 0.8, "#c6dbef") { Name = l["Heatmap.Range.BelowPeak"] },
            new ChartColorRange(0.8, 0.875, "#6baed6") { Name = "80–87%" },
            new ChartColorRange(0.875, 0.95, "#fd8d3c") { Name = "87–95%" },
            new ChartColorRange(0.95, 1.0001, "#d94801") { Name = l["Heatmap.Range.Peak"] },
        ]
        :
        [
            new ChartColorRange(-100, -1, "#2171b5") { Name = "< −1σ" },
            new ChartColorRange(-1, -0.25, "#9ecae1") { Name = "−1σ…−¼σ" },
            new ChartColorRange(-0.25, 0.25, "#bdbdbd") { Name = l["Heatmap.Range.Average"] },
            new ChartColorRange(0.25, 1, "#fdae6b") { Name = "¼σ…1σ" },
            new ChartColorRange(1, 100, "#d94801") { Name = "> 1σ" },
        ];

    /// <summary>Months as category labels, "2024-03".</summary>
    public static IReadOnlyList<string> Labels(IEnumerable<YearMonth> months) => [.. months.Select(m => m.ToString())];

    /// <summary>The first day of the month in unix ms, for a datetime axis.</summary>
    public static long UnixMs(YearMonth month) => new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
