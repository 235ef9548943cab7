using System.Globalization;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>How the widgets write numbers, so a card, a gauge and a thermometer agree.</summary>
public static class MetricFormat
{
    /// <summary>Shown where a value is missing.</summary>
    public const string Missing = "—";

    /// <summary>The value with <paramref name="decimals"/> decimals in the current culture, or <see cref="Missing"/>.</summary>
    public static string Number(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v)
            ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture)
            : Missing;

    /// <summary>"21.4 °C", or <see cref="Missing"/> without a unit.</summary>
    public static string WithUnit(double? value, string unit, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? $"{Number(v, decimals)} {unit}" : Missing;

    /// <summary>Numbers inside SVG attributes and CSS must not depend on the culture.</summary>
    internal static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
