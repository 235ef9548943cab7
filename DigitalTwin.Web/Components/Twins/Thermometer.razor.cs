using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// An SVG thermometer: a mercury column whose height maps <see cref="Value"/> within
/// <see cref="Min"/>..<see cref="Max"/> (clamped) and whose color runs from blue (cold) to red (hot).
/// </summary>
public partial class Thermometer : ComponentBase
{
    /// <summary>SVG y of <see cref="Max"/> (top of the scale).</summary>
    internal const double ScaleTop = 28;

    /// <summary>SVG y of <see cref="Min"/> (bottom of the scale).</summary>
    internal const double ScaleBottom = 218;

    /// <summary>Length of the scale in SVG units: the column's height at <see cref="Max"/>.</summary>
    internal const double ScaleLength = ScaleBottom - ScaleTop;

    private const double BulbTop = 240;
    private const double ColdHue = 215;

    /// <summary>The temperature; null shows "—" and an empty column.</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>Bottom of the scale.</summary>
    [Parameter]
    public double Min { get; set; } = -10;

    /// <summary>Top of the scale.</summary>
    [Parameter]
    public double Max { get; set; } = 40;

    /// <summary>Unit shown after the value.</summary>
    [Parameter]
    public string Unit { get; set; } = "°C";

    /// <summary>Decimals shown in the value.</summary>
    [Parameter]
    public int Decimals { get; set; } = 1;

    /// <summary>What is measured, for screen readers ("Temperature 21.4 °C").</summary>
    [Parameter]
    public string Label { get; set; } = "Temperature";

    /// <summary>CSS height of the drawing; the width follows.</summary>
    [Parameter]
    public string Height { get; set; } = "220px";

    /// <summary>Extra CSS classes.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Inline style.</summary>
    [Parameter]
    public string? Style { get; set; }

    /// <summary>Where <see cref="Value"/> falls within the scale, 0..1, clamped; 0 when there is no value.</summary>
    internal double Fraction => Value is { } v && double.IsFinite(v) && Max > Min
        ? Math.Clamp((v - Min) / (Max - Min), 0, 1)
        : 0;

    internal double ColumnHeight => Fraction * ScaleLength;

    private double ColumnTop => ScaleBottom - ColumnHeight;

    private string AriaLabel => Value is null
        ? $"{Label}: no reading"
        : $"{Label} {MetricFormat.WithUnit(Value, Unit, Decimals)}";

    /// <summary>Blue when cold, through green and yellow, to red when hot; grey without a value.</summary>
    private string MercuryColor => Value is null
        ? "var(--mud-palette-action-disabled)"
        : $"hsl({MetricFormat.Invariant(ColdHue * (1 - Fraction))}, 78%, 48%)";

    private IReadOnlyList<Tick> Ticks => BuildTicks(Min, Max);

    // Razor reserves <text> inside code blocks, so the SVG text element is built by hand
    // (hence styled through ::deep in Thermometer.razor.css).
    private static RenderFragment TickLabel(string label, string y) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", "thermometer-tick-label");
        builder.AddAttribute(2, "x", "80");
        builder.AddAttribute(3, "y", y);
        builder.AddContent(4, label);
        builder.CloseElement();
    };

    private double YFor(double value) => ScaleBottom - ((value - Min) / (Max - Min) * ScaleLength);

    private static List<Tick> BuildTicks(double min, double max)
    {
        var ticks = new List<Tick>();
        if (!(max > min))
        {
            return ticks;
        }

        var major = NiceStep((max - min) / 5);
        var minor = major / 2;
        // Integer steps from the first minor tick, so rounding errors never skip the top tick.
        var first = Math.Ceiling(min / minor - 1e-9);
        var last = Math.Floor(max / minor + 1e-9);
        for (var i = first; i <= last; i++)
        {
            var value = i * minor;
            var isMajor = Math.Abs(Math.IEEERemainder(value, major)) < 1e-9 * major;
            ticks.Add(new Tick(value, isMajor, value.ToString("0.##", CultureInfo.CurrentCulture)));
        }

        return ticks;
    }

    /// <summary>The smallest of 1, 2, 5 × 10^n that is at least <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in new[] { 1d, 2d, 5d, 10d })
        {
            if (factor * magnitude >= raw - 1e-12)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private readonly record struct Tick(double Value, bool IsMajor, string Label);
}
