using System.Globalization;
using DigitalTwin.Core.Power;

namespace DigitalTwin.Web.Components.Power;

/// <summary>How <see cref="DistrictMap"/> turns values into colours.</summary>
public enum DistrictMapScale
{
    /// <summary>Light to dark from the smallest to the largest value.</summary>
    Sequential,

    /// <summary>Sequential on a log scale, for values that span orders of magnitude (kWh of a 군 and of an industrial 시).</summary>
    Logarithmic,

    /// <summary>Blue below zero, red above, white at zero, symmetric: for signed errors and changes.</summary>
    Diverging,
}

/// <summary>One district's value and its text for the tooltip.</summary>
public sealed record DistrictMapValue(double Value, string Label);

/// <summary>A legend stop: where it sits in the domain and its text.</summary>
public sealed record DistrictMapTick(double Value, string Label);

/// <summary>Everything the map's JavaScript needs to colour the districts, keyed by <see cref="District.ToString"/>.</summary>
public sealed record DistrictMapModel(
    IReadOnlyDictionary<string, DistrictMapValue> Values,
    DistrictMapScale Scale,
    double[] Domain,
    IReadOnlyList<DistrictMapTick> Ticks,
    string? Title,
    IReadOnlyList<string> Highlighted,
    bool Clickable,
    bool Dark)
{
    private const int TickCount = 5;

    /// <summary>The legend's and the tooltip's text for a district without a value, in the page's language.</summary>
    public string NoData { get; init; } = "no data";

    /// <summary>The text shown for a value when the caller gives no formatter.</summary>
    public static string DefaultFormat(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <param name="domain">Fixed ends of the colour scale; null to take them from the values (diverging: ±the largest size).</param>
    public static DistrictMapModel Build(
        IReadOnlyDictionary<District, double>? values,
        Func<double, string>? format,
        DistrictMapScale scale,
        (double Min, double Max)? domain,
        IEnumerable<District>? highlighted,
        string? title,
        bool clickable,
        bool dark)
    {
        format ??= DefaultFormat;
        var finite = (values ?? new Dictionary<District, double>()).Where(p => double.IsFinite(p.Value)).ToList();
        var (min, max) = domain ?? Extent(finite.Select(p => p.Value), scale);
        var ticks = TickValues(min, max, scale).Select(v => new DistrictMapTick(v, format(v))).ToList();
        return new DistrictMapModel(
            finite.ToDictionary(p => p.Key.ToString(), p => new DistrictMapValue(p.Value, format(p.Value)), StringComparer.Ordinal),
            scale,
            [min, max],
            ticks,
            title,
            [.. (highlighted ?? []).Select(d => d.ToString())],
            clickable,
            dark);
    }

    private static (double Min, double Max) Extent(IEnumerable<double> values, DistrictMapScale scale)
    {
        var list = (scale == DistrictMapScale.Logarithmic ? values.Where(v => v > 0) : values).ToList();
        if (list.Count == 0)
        {
            return scale == DistrictMapScale.Logarithmic ? (1, 10) : (0, 1);
        }
        if (scale == DistrictMapScale.Diverging)
        {
            var size = list.Max(Math.Abs);
            return size > 0 ? (-size, size) : (-1, 1);
        }
        var (min, max) = (list.Min(), list.Max());
        // One value (or all equal) still needs a range to draw a legend.
        return min < max ? (min, max) : scale == DistrictMapScale.Logarithmic ? (min / 2, max * 2) : (min - 1, max + 1);
    }

    private static IEnumerable<double> TickValues(double min, double max, DistrictMapScale scale) =>
        Enumerable.Range(0, TickCount).Select(i => (double)i / (TickCount - 1)).Select(t => scale == DistrictMapScale.Logarithmic && min > 0
            ? Math.Exp(Math.Log(min) + t * (Math.Log(max) - Math.Log(min)))
            : min + t * (max - min));
}
