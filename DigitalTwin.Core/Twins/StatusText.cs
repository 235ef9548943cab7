using System.Globalization;

namespace DigitalTwin.Core.Twins;

/// <summary>The words for a status and its reason, the same on every page and in the API.</summary>
public static class StatusText
{
    /// <summary>"online — connected", "offline — connection lost", "offline — no data for 2 min", "never seen".</summary>
    public static string Describe(DeviceStatus status, StatusReason reason, TimeSpan offlineAfter) => status switch
    {
        DeviceStatus.Unknown => "never seen",
        _ when Reason(reason, offlineAfter) is { } why => $"{Status(status)} — {why}",
        _ => Status(status),
    };

    /// <summary>The reason alone: "connection lost", "no data for 2 min"; null when there is none.</summary>
    public static string? Reason(StatusReason reason, TimeSpan offlineAfter) => reason switch
    {
        StatusReason.Connected => "connected",
        StatusReason.DataReceived => "data received",
        StatusReason.ReportedOnline => "device reported online",
        StatusReason.ReportedOffline => "device reported offline",
        StatusReason.Disconnected => "disconnected",
        StatusReason.ConnectionLost => "connection lost",
        StatusReason.NoData => $"no data for {Duration(offlineAfter)}",
        _ => null,
    };

    public static string Status(DeviceStatus status) => status switch
    {
        DeviceStatus.Online => "online",
        DeviceStatus.Offline => "offline",
        _ => "never seen",
    };

    /// <summary>"45 s", "2 min", "1.5 h", "3 d".</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0.#} d"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0.#} h"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s"),
    };
}
