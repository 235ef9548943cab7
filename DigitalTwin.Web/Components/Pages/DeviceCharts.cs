using DigitalTwin.Web.Components.Charts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>Chart options of the device page.</summary>
internal static class DeviceCharts
{
    public static readonly ChartOptions Live = new()
    {
        Chart = new ChartSettings
        {
            Type = ChartType.Line,
            Height = 300,
            Toolbar = new ChartToolbar(false),
            Zoom = new ChartToggle(false),
            Animations = new ChartAnimations { Enabled = false },
        },
        Stroke = new ChartStroke { Curve = StrokeCurve.Straight, Width = 2 },
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
        YAxis =
        [
            new ChartYAxis { SeriesName = "Temperature (°C)", DecimalsInFloat = 1, Title = new ChartAxisTitle("°C") },
            new ChartYAxis { SeriesName = "Humidity (%RH)", Opposite = true, DecimalsInFloat = 0, Title = new ChartAxisTitle("%RH") },
        ],
        Tooltip = new ChartTooltip { Shared = true, X = new ChartTooltipX("HH:mm:ss") },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "right" },
        NoData = new ChartNoData("No readings in the last 10 minutes"),
    };

    /// <summary>The live chart in the reader's language: its axes name the series they belong to.</summary>
    public static ChartOptions LiveIn(IStringLocalizer l) => Live with
    {
        YAxis =
        [
            Live.YAxis![0] with { SeriesName = l["DeviceDetail.TemperatureSeries"] },
            Live.YAxis![1] with { SeriesName = l["DeviceDetail.HumiditySeries"] },
        ],
        NoData = new ChartNoData(l["DeviceDetail.NoLive"]),
    };

    public static readonly ChartOptions History = new()
    {
        Chart = new ChartSettings
        {
            Type = ChartType.Line,
            Height = 320,
            Toolbar = new ChartToolbar(false),
            Zoom = new ChartToggle(false),
        },
        Colors = ["#90caf9", "#1565c0", "#e53935"],
        Stroke = new ChartStroke { Curve = StrokeCurve.Straight, Width = 2 },
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
        YAxis = [new ChartYAxis { DecimalsInFloat = 1 }],
        Tooltip = new ChartTooltip { Shared = true, X = new ChartTooltipX("dd MMM HH:mm") },
        Legend = new ChartLegend { Position = "top", HorizontalAlign = "right" },
        NoData = new ChartNoData("No history in this range"),
    };
}
