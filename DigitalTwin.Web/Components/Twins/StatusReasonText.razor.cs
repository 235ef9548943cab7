using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// Why a device is online or offline and since when: "connection lost · 5 s ago"; "not seen since the app started"
/// says when itself (every page shows the last-seen time beside it). Nothing for a device never seen.
/// </summary>
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

    private string Reason => L.StatusReason(Entry.Reason, Entry.OfflineAfter) ?? L.StatusWord(Entry.Status);
}
