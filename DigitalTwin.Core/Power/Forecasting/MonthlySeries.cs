namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// One series of monthly values, sorted, with gaps allowed (districts have 2023-01..04 and 2024-01..04).
/// Immutable, so a truncated copy handed to a model cannot see later months.
/// </summary>
public sealed class MonthlySeries
{
    private readonly int[] _index;
    private readonly double[] _values;

    public MonthlySeries(IEnumerable<(YearMonth Month, double Value)> points)
    {
        var sorted = points.OrderBy(p => p.Month).ToArray();
        _index = [.. sorted.Select(p => p.Month.Index())];
        _values = [.. sorted.Select(p => p.Value)];
        for (var i = 1; i < _index.Length; i++)
        {
            if (_index[i] == _index[i - 1])
            {
                throw new ArgumentException($"Month {sorted[i].Month} occurs twice.", nameof(points));
            }
        }
    }

    private MonthlySeries(int[] index, double[] values)
    {
        _index = index;
        _values = values;
    }

    public static MonthlySeries Empty { get; } = new([], []);

    public int Count => _index.Length;

    public YearMonth LastMonth => MonthIndex.ToYearMonth(_index[^1]);

    public double LastValue => _values[^1];

    public YearMonth MonthAt(int i) => MonthIndex.ToYearMonth(_index[i]);

    public double ValueAt(int i) => _values[i];

    public bool TryGet(YearMonth month, out double value)
    {
        var i = Array.BinarySearch(_index, month.Index());
        value = i >= 0 ? _values[i] : double.NaN;
        return i >= 0;
    }

    /// <summary>The months up to and including <paramref name="cutoff"/>.</summary>
    public MonthlySeries Until(YearMonth cutoff)
    {
        var i = Array.BinarySearch(_index, cutoff.Index());
        var count = i >= 0 ? i + 1 : ~i;
        return count == _index.Length ? this : new MonthlySeries(_index[..count], _values[..count]);
    }

    /// <summary>The series without the months of <paramref name="year"/>.</summary>
    public MonthlySeries WithoutYear(int year)
    {
        var keep = Enumerable.Range(0, _index.Length).Where(i => MonthIndex.ToYearMonth(_index[i]).Year != year).ToArray();
        return keep.Length == _index.Length ? this : new MonthlySeries([.. keep.Select(i => _index[i])], [.. keep.Select(i => _values[i])]);
    }

    /// <summary>The values of the longest run of consecutive months that ends at the last observation.</summary>
    public double[] ContiguousTail()
    {
        var start = _index.Length - 1;
        while (start > 0 && _index[start - 1] == _index[start] - 1)
        {
            start--;
        }
        return start < 0 ? [] : _values[start..];
    }
}
