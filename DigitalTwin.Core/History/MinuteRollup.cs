namespace DigitalTwin.Core.History;

/// <summary>A commit's samples of one series in one minute, summed up before they meet the stored minute.</summary>
/// <param name="First">Timestamp of the earliest of them: if the stored minute has nothing at or after it, they
/// only extend the minute (merged in place); otherwise one may overwrite or precede a stored sample, and the
/// minute is computed again from its samples.</param>
internal record struct MinuteRow(int SeriesId, long Minute, double Min, double Max, double Sum, long Count, long First, long LastTimestamp, double Last);

/// <summary>Sums a commit's samples up per series and minute. Samples come in key order, each key once (the last write).</summary>
internal sealed class MinuteRollup
{
    public const long MinuteMs = 60_000;

    public List<MinuteRow> Rows { get; } = [];

    public void Clear() => Rows.Clear();

    public void Add(int seriesId, long timestamp, double value)
    {
        var minute = Floor(timestamp);
        if (Rows.Count > 0 && Rows[^1] is var row && row.SeriesId == seriesId && row.Minute == minute)
        {
            Rows[^1] = row with
            {
                Min = Math.Min(row.Min, value),
                Max = Math.Max(row.Max, value),
                Sum = row.Sum + value,
                Count = row.Count + 1,
                LastTimestamp = timestamp,
                Last = value,
            };
            return;
        }
        Rows.Add(new MinuteRow(seriesId, minute, value, value, value, 1, timestamp, timestamp, value));
    }

    /// <summary>Start of the minute holding <paramref name="timestamp"/>, also before 1970.</summary>
    public static long Floor(long timestamp) => timestamp - (((timestamp % MinuteMs) + MinuteMs) % MinuteMs);
}
