using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// How long ago something happened ("5 s ago", "3 min ago", "never"), relative to <see cref="Now"/>
/// so the caller decides when the text ticks; the absolute time is in the tooltip.
/// </summary>
public partial class LastSeen : ComponentBase
{
    internal const string Never = "never";

    /// <summary>When it happened; null reads "never".</summary>
    [Parameter]
    public DateTimeOffset? At { get; set; }

    /// <summary>The current time (from a <see cref="TimeProvider"/>, refreshed by the page).</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>"just now", "5 s ago", "3 min ago", "2 h ago", "4 d ago", or "never".</summary>
    public static string Relative(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } time)
        {
            return Never;
        }

        var ago = now - time;
        // Device clocks run a little ahead sometimes; a reading "from the future" is simply new.
        if (ago < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }

        return ago switch
        {
            { TotalMinutes: < 1 } => $"{(int)ago.TotalSeconds} s ago",
            { TotalHours: < 1 } => $"{(int)ago.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)ago.TotalHours} h ago",
            _ => $"{(int)ago.TotalDays} d ago",
        };
    }

    private static string Absolute(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
