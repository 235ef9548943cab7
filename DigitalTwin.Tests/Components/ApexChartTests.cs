using System.Text.Json;
using Bunit;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class ApexChartTests : MudComponentTest
{
    private static readonly ChartOptions LineOptions = new()
    {
        Chart = new ChartSettings { Type = ChartType.Line, Height = 300 },
        XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
    };

    [Fact]
    public void Serialize_Options_UsesApexNamesAndOmitsNulls()
    {
        var json = ChartJson.Serialize(new ChartOptions
        {
            Chart = new ChartSettings { Type = ChartType.RadialBar, Sparkline = new ChartToggle(true) },
            XAxis = new ChartXAxis { Type = AxisType.Datetime, Labels = new ChartAxisLabels { DatetimeUtc = false } },
            Annotations = new ChartAnnotations { YAxis = [new ChartYAnnotation { Y = 30 }] },
        });

        Assert.Equal(
            """{"chart":{"type":"radialBar","sparkline":{"enabled":true}},"xaxis":{"type":"datetime","labels":{"datetimeUTC":false}},"annotations":{"yaxis":[{"y":30}]}}""",
            json);
    }

    [Fact]
    public void Serialize_Series_WritesPointsAsPairsKeepingGaps()
    {
        var json = ChartJson.Serialize(new ChartSeries("t", [new ChartPoint(1000, 21.5), new ChartPoint(2000, null)]));

        Assert.Equal("""{"name":"t","data":[[1000,21.5],[2000,null]]}""", json);
        Assert.Equal(new ChartPoint(2000, null), JsonSerializer.Deserialize<ChartPoint>("[2000,null]", ChartJson.Options));
    }

    [Fact]
    public void Render_FirstTime_CreatesChartWithThemeAndSeries()
    {
        var cut = Context.Render<ApexChart>(p => p
            .Add(c => c.Options, LineOptions)
            .Add(c => c.Series, [new ChartSeries("t", [new ChartPoint(1, 2)])])
            .Add(c => c.MaxPoints, 50)
            .AddCascadingValue(ThemeCascade.IsDarkMode, true));

        var create = Context.JSInterop.Invocations["create"].Single();
        Assert.Contains("\"type\":\"line\"", (string)create.Arguments[1]!);
        Assert.Contains("\"mode\":\"dark\"", (string)create.Arguments[2]!);
        Assert.Contains("\"background\":\"transparent\"", (string)create.Arguments[2]!);
        Assert.Equal("""[{"name":"t","data":[[1,2]]}]""", create.Arguments[3]);
        Assert.Equal(50, create.Arguments[4]);
    }

    [Fact]
    public async Task AppendDataAsync_Points_SendsThemToTheChart()
    {
        var cut = Context.Render<ApexChart>(p => p.Add(c => c.Options, LineOptions));

        await cut.InvokeAsync(() => cut.Instance.AppendDataAsync([new ChartSeries("t", [new ChartPoint(5, 6)])]));

        Assert.Equal("""[{"name":"t","data":[[5,6]]}]""", Context.JSInterop.Invocations["appendData"].Single().Arguments[0]);
    }

    [Fact]
    public void Render_NewSeriesInstance_UpdatesSeriesWithoutRecreating()
    {
        var cut = Context.Render<ApexChart>(p => p
            .Add(c => c.Options, LineOptions)
            .Add(c => c.Series, [new ChartSeries("t", [new ChartPoint(1, 2)])]));

        cut.Render(p => p.Add(c => c.Series, [new ChartSeries("t", [new ChartPoint(3, 4)])]));

        Assert.Single(Context.JSInterop.Invocations["create"]);
        Assert.Equal("""[{"name":"t","data":[[3,4]]}]""", Context.JSInterop.Invocations["updateSeries"].Single().Arguments[0]);
    }

    [Fact]
    public void Render_ValueChanged_GaugeMovesExistingChart()
    {
        var cut = Context.Render<Gauge>(p => p.Add(g => g.Value, 25).Add(g => g.Min, 0).Add(g => g.Max, 50).Add(g => g.Unit, "°C"));

        cut.Render(p => p.Add(g => g.Value, 40));

        Assert.Single(Context.JSInterop.Invocations["create"]);
        Assert.Equal("[80]", Context.JSInterop.Invocations["updateSeries"].Single().Arguments[0]);
        Assert.Equal(40.0.ToString("F1", System.Globalization.CultureInfo.CurrentCulture), cut.Find("[data-testid=gauge-value]").TextContent);
    }

    [Fact]
    public async Task DisposeAsync_CreatedChart_DestroysIt()
    {
        var cut = Context.Render<ApexChart>(p => p.Add(c => c.Options, LineOptions));

        await cut.Instance.DisposeAsync();

        Assert.Single(Context.JSInterop.Invocations["destroy"]);
    }
}
