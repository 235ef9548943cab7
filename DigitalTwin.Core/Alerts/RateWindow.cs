namespace DigitalTwin.Core.Alerts;

/// <summary>
/// The recent values of one metric of one device, for a rate-of-change rule: only the lowest (rising rules) or
/// highest (falling rules) value of the window matters, so a monotonic queue keeps just the candidates and each
/// reading costs O(1) amortised, however many readings the window spans.
/// </summary>
internal sealed class RateWindow(bool upward, TimeSpan length)
{
    private readonly LinkedList<(DateTimeOffset At, double Value)> _candidates = new();
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    /// <summary>Adds a reading and returns its change against the window's extreme; null for an out-of-order reading.</summary>
    public double? Add(DateTimeOffset at, double value)
    {
        if (at < _newest)
        {
            return null;
        }
        _newest = at;
        while (_candidates.First is { } oldest && oldest.Value.At < at - length)
        {
            _candidates.RemoveFirst();
        }
        // The extreme of the window is the first candidate; compare before this reading joins.
        var change = _candidates.First is { } extreme ? value - extreme.Value.Value : 0;
        while (_candidates.Last is { } last && (upward ? last.Value.Value >= value : last.Value.Value <= value))
        {
            _candidates.RemoveLast();
        }
        _candidates.AddLast((at, value));
        return change;
    }
}
