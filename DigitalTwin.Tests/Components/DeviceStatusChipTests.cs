using Bunit;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class DeviceStatusChipTests : MudComponentTest
{
    [Theory]
    [InlineData(DeviceStatus.Online, "Online", "mud-chip-color-success")]
    [InlineData(DeviceStatus.Offline, "Offline", "mud-chip-color-error")]
    [InlineData(DeviceStatus.Unknown, "Never seen", "mud-chip-color-default")]
    public void Render_Status_ShowsLabelInItsColor(DeviceStatus status, string text, string colorClass)
    {
        var cut = Context.Render<DeviceStatusChip>(p => p.Add(c => c.Status, status));

        var chip = cut.Find("[data-testid=status-chip]");
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colorClass, chip.ClassList);
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
    }
}
