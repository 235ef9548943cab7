using System.Globalization;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>Values and units of alerts and rules, "31.4 °C"; the words around them are in <see cref="Localization.AlertWords"/>.</summary>
public static class AlertText
{
    /// <summary>The unit of a well-known metric, or "" for any other.</summary>
    public static string UnitOf(string? metric) => metric switch
    {
        "temperature" => "°C",
        "humidity" => "%RH",
        _ => "",
    };

    /// <summary>A value with its metric's unit, "31.4 °C"; up to two decimals, as the device sent it.</summary>
    public static string Value(double? value, string? metric)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return MetricFormat.Missing;
        }
        var unit = UnitOf(metric);
        var number = v.ToString("0.##", CultureInfo.CurrentCulture);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }
}
