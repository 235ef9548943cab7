using System.Globalization;

namespace DigitalTwin.Web.Components.Power;

/// <summary>
/// Numbers of the power pages. Energy picks its unit by size so a district month (≈100 GWh) and a
/// province year (≈TWh) both read at a glance; keep it in step with "energy" in ApexChart.razor.js.
/// </summary>
public static class EnergyFormat
{
    private static readonly (double Factor, string Unit)[] Units = [(1e9, "TWh"), (1e6, "GWh"), (1e3, "MWh")];

    /// <summary>"12.3 GWh", "845 MWh", "3.40 TWh"; "–" when unknown.</summary>
    public static string Energy(double? kwh)
    {
        if (kwh is not { } value || !double.IsFinite(value))
        {
            return "–";
        }

        foreach (var (factor, unit) in Units)
        {
            if (Math.Abs(value) >= factor)
            {
                return $"{Number(value / factor)} {unit}";
            }
        }
        return value == 0 ? "0" : $"{Number(value)} kWh";
    }

    /// <summary>Exact kWh with thousands separators, as KEPCO publishes them.</summary>
    public static string Kwh(long? kwh) => kwh?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>A share (0–1) as "62%" or, with decimals, "62.3%".</summary>
    public static string Percent(double? share, int decimals = 0) =>
        share is { } value && double.IsFinite(value)
            ? (value * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%"
            : "–";

    /// <summary>A relative change (0.031) as "+3.1%".</summary>
    public static string Change(double? change) =>
        change is { } value && double.IsFinite(value)
            ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%"
            : "–";

    private static string Number(double value)
    {
        var size = Math.Abs(value);
        var format = size >= 100 ? "N0" : size >= 10 ? "N1" : "N2";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
