using System.Text.Json.Serialization;

namespace DigitalTwin.Web.Components.Charts;

/// <summary>One point on a category axis (bar and heatmap charts).</summary>
/// <param name="X">The category, e.g. "2024-03" or a district name.</param>
/// <param name="Y">The value; written even when null, which ApexCharts draws as a gap or an empty cell.</param>
public sealed record CategoryPoint(string X, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Y)
{
    /// <summary>An extra value the tooltip can show (<see cref="ChartFormatter.HeatmapCell"/>), e.g. raw kWh behind a normalized cell.</summary>
    public double? Raw { get; init; }
}

/// <summary>A named series of category points.</summary>
public sealed record CategorySeries(string Name, IReadOnlyList<CategoryPoint> Data);
