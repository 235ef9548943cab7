using System.Globalization;
using Bunit;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class DeviceCardTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 0, 42, TimeSpan.Zero);

    [Fact]
    public void Render_Snapshot_ShowsDeviceIdAsLinkToItsPage()
    {
        var cut = RenderCard(new TwinSnapshotBuilder().WithId("thermo-007").Build());

        var link = cut.Find("[data-testid=device-link]");
        Assert.Equal("thermo-007", link.TextContent.Trim());
        Assert.Equal("/devices/thermo-007", link.GetAttribute("href"));
        Assert.Equal("/devices/thermo-007", cut.Find("[data-testid=device-details]").GetAttribute("href"));
    }

    [Fact]
    public void Render_DeviceIdNeedingEscape_EscapesHref()
    {
        var cut = RenderCard(new TwinSnapshotBuilder().WithId("hall a/1").Build());

        Assert.Equal("/devices/hall%20a%2F1", cut.Find("[data-testid=device-link]").GetAttribute("href"));
    }

    [Fact]
    public void Render_Metrics_ShowsTemperatureAndHumidity()
    {
        var snapshot = new TwinSnapshotBuilder()
            .WithId("thermo-001")
            .WithMetric("temperature", 21.43)
            .WithMetric("humidity", 40.2)
            .Build();

        var cut = RenderCard(snapshot);

        var temperature = cut.Find("[data-testid=temperature-thermo-001]");
        var humidity = cut.Find("[data-testid=humidity-thermo-001]");
        Assert.Equal(21.4.ToString("F1", CultureInfo.CurrentCulture), temperature.TextContent);
        Assert.Equal("21.43", temperature.GetAttribute("data-value"));
        Assert.Equal(40.2.ToString("F1", CultureInfo.CurrentCulture), humidity.TextContent);
        Assert.Equal("40.2", humidity.GetAttribute("data-value"));
        Assert.Contains("°C", cut.Markup);
        Assert.Contains("%RH", cut.Markup);
    }

    [Fact]
    public void Render_MissingMetrics_ShowsDashes()
    {
        var cut = RenderCard(new TwinSnapshotBuilder().WithId("thermo-002").Build());

        Assert.Equal("—", cut.Find("[data-testid=temperature-thermo-002]").TextContent);
        Assert.Equal("—", cut.Find("[data-testid=humidity-thermo-002]").TextContent);
        Assert.DoesNotContain("°C", cut.Markup);
    }

    [Theory]
    [InlineData(DeviceStatus.Online, "Online")]
    [InlineData(DeviceStatus.Offline, "Offline")]
    [InlineData(DeviceStatus.Unknown, "Never seen")]
    public void Render_Status_ShowsStatusChip(DeviceStatus status, string text)
    {
        var cut = RenderCard(new TwinSnapshotBuilder().WithStatus(status).Build());

        Assert.Equal(text, cut.Find("[data-testid=status-chip]").TextContent.Trim());
    }

    [Fact]
    public void Render_LastSeen_ShowsRelativeToNow()
    {
        var cut = RenderCard(new TwinSnapshotBuilder().LastSeenAt(Now.AddSeconds(-42)).Build());

        Assert.Equal("42 s ago", cut.Find("[data-testid=last-seen]").TextContent);
    }

    [Fact]
    public void Render_NeverSeen_ShowsNever()
    {
        var cut = RenderCard(TwinSnapshot.Empty("thermo-003"));

        Assert.Equal("never", cut.Find("[data-testid=last-seen]").TextContent);
    }

    [Fact]
    public void Render_SparklinePoints_RendersSparkline()
    {
        IReadOnlyList<ChartPoint> points = [ChartPoint.At(Now.AddSeconds(-2), 21), ChartPoint.At(Now.AddSeconds(-1), 21.5)];

        var cut = RenderCard(new TwinSnapshotBuilder().Build(), points);

        Assert.Single(cut.FindComponents<Sparkline>());
    }

    [Fact]
    public void Render_NoSparklinePoints_ShowsPlaceholder()
    {
        var cut = RenderCard(new TwinSnapshotBuilder().Build());

        Assert.Empty(cut.FindComponents<Sparkline>());
        Assert.Contains("No trend yet", cut.Markup);
    }

    private IRenderedComponent<DeviceCard> RenderCard(TwinSnapshot snapshot, IReadOnlyList<ChartPoint>? points = null) =>
        Context.Render<DeviceCard>(p => p
            .Add(c => c.Snapshot, snapshot)
            .Add(c => c.SparklinePoints, points)
            .Add(c => c.Now, Now));
}
