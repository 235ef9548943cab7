using System.Text.Json.Serialization;

namespace DigitalTwin.Web.Components.Charts;

/// <summary>
/// A series of a combination chart, with its own type: a forecast's interval band (<see cref="ChartType.RangeArea"/>
/// of <see cref="RangePoint"/>s) under lines of <see cref="ChartPoint"/>s, or a scatter of <see cref="XyPoint"/>s.
/// </summary>
public sealed record MixedSeries(string Name, ChartType Type, IReadOnlyList<object> Data);

/// <summary>A band from <c>Y[0]</c> to <c>Y[1]</c> at unix ms <see cref="X"/> (ApexCharts' rangeArea point).</summary>
public sealed record RangePoint(long X, IReadOnlyList<double> Y);

/// <summary>
/// A point of a line in a combination chart: an <c>{x, y}</c> object, as ApexCharts' rangeArea combinations
/// need (they misread <c>[x, y]</c> pairs); a null <see cref="Y"/> is a gap.
/// </summary>
public sealed record TimePoint(long X, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Y);

/// <summary>A point of a scatter on a numeric x axis.</summary>
public readonly record struct XyPoint(double X, double Y);

/// <summary>The point a user clicked: its series and its index in that series.</summary>
public readonly record struct ChartClick(int SeriesIndex, int DataPointIndex);
