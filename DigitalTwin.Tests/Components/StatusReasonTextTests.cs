using Bunit;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Devices;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class StatusReasonTextTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeviceStatus.Offline, StatusReason.ConnectionLost, 30, "connection lost · 5 s ago")]
    [InlineData(DeviceStatus.Offline, StatusReason.NoData, 120, "no data for 2 min · 5 s ago")]
    [InlineData(DeviceStatus.Offline, StatusReason.ReportedOffline, 30, "device reported offline · 5 s ago")]
    [InlineData(DeviceStatus.Online, StatusReason.Connected, 30, "connected · 5 s ago")]
    [InlineData(DeviceStatus.Offline, StatusReason.NotSeenSinceStart, 30, "not seen since the app started")]
    public void Render_StatusWithReason_ShowsReasonAndSince(DeviceStatus status, StatusReason reason, int offlineAfterSeconds, string text)
    {
        var entry = new DeviceStatusEntry(status, reason, Now.AddSeconds(-5), Now.AddSeconds(-130), TimeSpan.FromSeconds(offlineAfterSeconds));

        var cut = Context.Render<StatusReasonText>(p => p.Add(c => c.Entry, entry).Add(c => c.Now, Now));

        var shown = cut.Find("[data-testid=status-reason]");
        Assert.Equal(text, string.Join(' ', shown.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(reason.ToString(), shown.GetAttribute("data-reason"));
    }

    [Fact]
    public void Render_NeverSeen_ShowsNothing()
    {
        var cut = Context.Render<StatusReasonText>(p => p.Add(c => c.Entry, DeviceStatusEntry.NeverSeen).Add(c => c.Now, Now));

        Assert.Empty(cut.FindAll("[data-testid=status-reason]"));
    }

    [Theory]
    [InlineData(DeviceStatus.Offline, StatusReason.NoData, 90, "offline — no data for 1.5 min")]
    [InlineData(DeviceStatus.Offline, StatusReason.Disconnected, 30, "offline — disconnected")]
    [InlineData(DeviceStatus.Online, StatusReason.DataReceived, 30, "online — data received")]
    [InlineData(DeviceStatus.Offline, StatusReason.NotSeenSinceStart, 30, "offline — not seen since the app started")]
    [InlineData(DeviceStatus.Unknown, StatusReason.None, 30, "never seen")]
    public void Describe_StatusAndReason_InWords(DeviceStatus status, StatusReason reason, int offlineAfterSeconds, string text) =>
        Assert.Equal(text, StatusText.Describe(status, reason, TimeSpan.FromSeconds(offlineAfterSeconds)));

    [Theory]
    [InlineData("Device.Id", Core.Twins.DeviceSort.Id)]
    [InlineData("Device.Kind", Core.Twins.DeviceSort.Kind)]
    [InlineData("Status.LastSeen", Core.Twins.DeviceSort.LastSeen)]
    [InlineData("Status.Status", Core.Twins.DeviceSort.Status)]
    [InlineData(null, Core.Twins.DeviceSort.Id)]
    public void SortFor_GridColumn_MapsToTheQuerysSort(string? column, Core.Twins.DeviceSort sort) =>
        Assert.Equal(sort, DevicesPage.SortFor(column));
}
