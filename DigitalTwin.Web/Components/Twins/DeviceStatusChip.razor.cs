using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>A chip for a device's connection status: Online green, Offline red, Never seen grey.</summary>
public partial class DeviceStatusChip : ComponentBase
{
    /// <summary>The status shown.</summary>
    [Parameter]
    public DeviceStatus Status { get; set; }

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    internal Color ChipColor => ColorFor(Status);

    public static Color ColorFor(DeviceStatus status) => status switch
    {
        DeviceStatus.Online => Color.Success,
        DeviceStatus.Offline => Color.Error,
        _ => Color.Default,
    };
}
