using System.Globalization;
using System.Net;
using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>
/// The UI's words for statuses, durations and "… ago" in the reader's language. The API keeps Core's English words
/// (<see cref="StatusText"/>): programs read those.
/// </summary>
public static class UiText
{
    /// <summary>"Online", "Offline", "Never seen" — on chips and in filters.</summary>
    public static string StatusLabel(this IStringLocalizer l, DeviceStatus status) => l[$"Status.Label.{Label(status)}"];

    /// <summary>"online", "offline", "never seen" — inside a sentence.</summary>
    public static string StatusWord(this IStringLocalizer l, DeviceStatus status) => l[$"Status.Word.{Label(status)}"];

    /// <summary>"connection lost", "no data for 2 min"; null when there is no reason.</summary>
    public static string? StatusReason(this IStringLocalizer l, StatusReason reason, TimeSpan offlineAfter) => reason switch
    {
        Core.Twins.StatusReason.None => null,
        Core.Twins.StatusReason.NoData => l["Status.Reason.NoData", l.Duration(offlineAfter)].Value,
        _ when Enum.IsDefined(reason) => l[$"Status.Reason.{reason}"].Value,
        _ => null,
    };

    /// <summary>"45 s", "2 min", "1.5 h", "3 d" (Korean: "45초", "2분", "1.5시간", "3일").</summary>
    public static string Duration(this IStringLocalizer l, TimeSpan duration) => duration switch
    {
        { TotalDays: >= 1 } => l["Duration.Days", Number(duration.TotalDays)],
        { TotalHours: >= 1 } => l["Duration.Hours", Number(duration.TotalHours)],
        { TotalMinutes: >= 1 } => l["Duration.Minutes", Number(duration.TotalMinutes)],
        _ => l["Duration.Seconds", Number(duration.TotalSeconds)],
    };

    /// <summary>"just now", "5 s ago", "3 min ago", "2 h ago", "4 d ago", or "never" (Korean: "방금", "5초 전", …, "없음").</summary>
    public static string Ago(this IStringLocalizer l, DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } time)
        {
            return l["Ago.Never"];
        }

        var ago = now - time;
        // Device clocks run a little ahead sometimes; a reading "from the future" is simply new.
        if (ago < TimeSpan.FromSeconds(1))
        {
            return l["Ago.JustNow"];
        }

        var whole = ago switch
        {
            { TotalMinutes: < 1 } => TimeSpan.FromSeconds((int)ago.TotalSeconds),
            { TotalHours: < 1 } => TimeSpan.FromMinutes((int)ago.TotalMinutes),
            { TotalDays: < 1 } => TimeSpan.FromHours((int)ago.TotalHours),
            _ => TimeSpan.FromDays((int)ago.TotalDays),
        };
        return l["Ago.Format", l.Duration(whole)];
    }

    /// <summary>
    /// A resource text that holds markup (e.g. <c>&lt;code&gt;{0}&lt;/code&gt;</c>) with its values HTML-encoded: the
    /// words may carry tags, the values (user names, addresses) never do.
    /// </summary>
    public static MarkupString Markup(this IStringLocalizer l, string key, params string[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, l[key].Value, [.. values.Select(v => (object)WebUtility.HtmlEncode(v))]));

    private static string Label(DeviceStatus status) => status switch
    {
        DeviceStatus.Online => "Online",
        DeviceStatus.Offline => "Offline",
        _ => "NeverSeen",
    };

    private static string Number(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
