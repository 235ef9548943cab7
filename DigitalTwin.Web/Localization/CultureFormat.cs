using System.Globalization;
using DigitalTwin.Core.Power;

namespace DigitalTwin.Web.Localization;

/// <summary>
/// Dates, numbers and units as the reader's culture writes them: "May 2024" / "2024년 5월", "1,547,410,484 kWh".
/// Values inside SVG, CSS and chart options stay invariant (see MetricFormat.Invariant).
/// </summary>
public static class CultureFormat
{
    /// <summary>Shown where a value is missing.</summary>
    public const string Missing = "–";

    /// <summary>"May 2024" in English, "2024년 5월" in Korean.</summary>
    public static string Month(YearMonth month, CultureInfo? culture = null) =>
        new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("Y", culture ?? CultureInfo.CurrentCulture);

    /// <summary>Exact kWh with the culture's digit grouping: "1,547,410,484 kWh".</summary>
    public static string Kwh(long? kwh, CultureInfo? culture = null) =>
        kwh is { } value ? value.ToString("N0", culture ?? CultureInfo.CurrentCulture) + " kWh" : Missing;

    /// <summary>A count with digit grouping: "12,345".</summary>
    public static string Count(long count, CultureInfo? culture = null) => count.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A moment in the reader's time zone as the culture writes a date and time ("2024. 5. 1. 오후 6:00" in Korean).</summary>
    public static string DateTime(DateTimeOffset at, TimeZoneInfo zone, CultureInfo? culture = null) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("g", culture ?? CultureInfo.CurrentCulture);
}
