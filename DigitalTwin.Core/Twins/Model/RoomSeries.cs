using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Model;

/// <summary>A device's readings on one regular grid: bucket averages, NaN where a bucket is empty.</summary>
public sealed record RoomSeries(DateTimeOffset Start, TimeSpan Step, double[] Values, double[]? Outdoor, double[]? Heater)
{
    public int Length => Values.Length;

    public DateTimeOffset TimeAt(int index) => Start + (Step * index);

    /// <summary>Aligns bucketed history on the grid [from, to) of <paramref name="step"/>.</summary>
    public static RoomSeries From(DateTimeOffset from, DateTimeOffset to, TimeSpan step,
        HistoryBuckets values, HistoryBuckets? outdoor, HistoryBuckets? heater)
    {
        var length = (int)Math.Ceiling((to - from) / step);
        return new RoomSeries(from, step, Grid(values, from, step, length),
            outdoor is null ? null : Grid(outdoor, from, step, length),
            heater is null ? null : Grid(heater, from, step, length));
    }

    private static double[] Grid(HistoryBuckets buckets, DateTimeOffset from, TimeSpan step, int length)
    {
        var grid = new double[length];
        Array.Fill(grid, double.NaN);
        foreach (var bucket in buckets.Buckets)
        {
            var index = (int)Math.Floor((bucket.Time - from) / step);
            if (index >= 0 && index < length && bucket.Count > 0)
            {
                grid[index] = bucket.Avg;
            }
        }
        return grid;
    }

    /// <summary>The series from its first reading on: a young device's window is mostly empty, and the backtest's
    /// warm-up and origins are fractions of the length.</summary>
    public RoomSeries TrimStart()
    {
        var first = Array.FindIndex(Values, double.IsFinite);
        return first <= 0 ? this : new RoomSeries(TimeAt(first), Step, Values[first..], Outdoor?[first..], Heater?[first..]);
    }

    /// <summary>The last index where every reported series has a value, or −1.</summary>
    public int LastComplete()
    {
        for (var i = Length - 1; i >= 0; i--)
        {
            if (IsComplete(i))
            {
                return i;
            }
        }
        return -1;
    }

    public bool IsComplete(int i) =>
        double.IsFinite(Values[i]) && (Outdoor is null || double.IsFinite(Outdoor[i])) && (Heater is null || double.IsFinite(Heater[i]));
}
