using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// How long ago something happened ("5 s ago", "3 min ago", "never"), relative to <see cref="Now"/>
/// so the caller decides when the text ticks; the absolute time is in the tooltip.
/// </summary>
public partial class LastSeen : ComponentBase
{
    /// <summary>When it happened; null reads "never".</summary>
    [Parameter]
    public DateTimeOffset? At { get; set; }

    /// <summary>The current time (from a <see cref="TimeProvider"/>, refreshed by the page).</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    private static string Absolute(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
