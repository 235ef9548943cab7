using System.Data.Common;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.History;

/// <summary>What one source (samples or minutes) holds of one bucket; parts of the same bucket add up.</summary>
internal readonly record struct BucketPart(long Bucket, double Min, double Max, double Sum, long Count, long LastTimestamp, double Last)
{
    /// <summary>Every row of a parts query (bucket, min, max, sum, count, newest timestamp, its value), on either provider.</summary>
    public static async Task<IReadOnlyList<BucketPart>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var parts = new List<BucketPart>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add(new BucketPart(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6)));
        }
        return parts;
    }
}

/// <summary>Reads a series' buckets in one pass per source: wholly covered minutes from the minute rollup, the rest from samples.</summary>
/// <param name="Minutes">Parts of each bucket from the minutes starting in [from, to).</param>
/// <param name="Samples">Parts of each bucket from the samples in [from, to).</param>
internal sealed record HistoryBucketReader(
    Func<long, long, Task<IReadOnlyList<BucketPart>>> Minutes,
    Func<long, long, Task<IReadOnlyList<BucketPart>>> Samples)
{
    public async Task<IReadOnlyList<HistoryBucket>> ReadAsync(long fromMs, long toMs, long intervalMs)
    {
        var parts = new List<BucketPart>();
        foreach (var (minutes, from, to) in Ranges(fromMs, toMs, intervalMs))
        {
            parts.AddRange(await (minutes ? Minutes : Samples)(from, to));
        }
        return Merge(parts, intervalMs);
    }

    /// <summary>
    /// Minutes serve a range only when every bucket is made of whole minutes (the interval is a multiple of one);
    /// the partial minutes at either end come from the samples, so the answer is the same as from samples alone.
    /// </summary>
    public static IEnumerable<(bool Minutes, long From, long To)> Ranges(long fromMs, long toMs, long intervalMs)
    {
        var first = MinuteRollup.Floor(fromMs + MinuteRollup.MinuteMs - 1);
        var last = MinuteRollup.Floor(toMs);
        if (intervalMs % MinuteRollup.MinuteMs != 0 || first >= last)
        {
            yield return (false, fromMs, toMs);
            yield break;
        }
        if (fromMs < first)
        {
            yield return (false, fromMs, first);
        }
        yield return (true, first, last);
        if (last < toMs)
        {
            yield return (false, last, toMs);
        }
    }

    private static List<HistoryBucket> Merge(List<BucketPart> parts, long intervalMs)
    {
        var buckets = new List<HistoryBucket>(parts.Count);
        foreach (var group in parts.GroupBy(p => p.Bucket).OrderBy(g => g.Key))
        {
            var (min, max, sum, count) = (double.PositiveInfinity, double.NegativeInfinity, 0.0, 0L);
            var last = group.First();
            foreach (var part in group)
            {
                (min, max, sum, count) = (Math.Min(min, part.Min), Math.Max(max, part.Max), sum + part.Sum, count + part.Count);
                last = part.LastTimestamp > last.LastTimestamp ? part : last;
            }
            buckets.Add(new HistoryBucket(DateTimeOffset.FromUnixTimeMilliseconds(group.Key * intervalMs), min, sum / count, max, last.Last, count));
        }
        return buckets;
    }
}
