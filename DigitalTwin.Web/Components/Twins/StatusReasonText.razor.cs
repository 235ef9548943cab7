using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>Why a device is online or offline and since when: "connection lost · 5 s ago". Nothing for a device never seen.</summary>
public partial class StatusReasonText : ComponentBase
{
    /// <summary>The status, its reason and since when.</summary>
    [Parameter, EditorRequired]
    public required DeviceStatusEntry Entry { get; set; }

    /// <summary>The current time, for "5 s ago".</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    private string Reason => StatusText.Reason(Entry.Reason, Entry.OfflineAfter) ?? StatusText.Status(Entry.Status);
}
