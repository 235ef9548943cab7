using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Core.Twins.Model;

namespace DigitalTwin.Core.Twins.Maintenance;

/// <summary>One page of the ranking: the devices that drifted furthest first, and how much of the fleet was judged.</summary>
/// <param name="Total">Devices ranked (those that report the metric, at most <see cref="MaintenanceReport.MaxDevices"/>).</param>
/// <param name="Truncated">More devices have history than were judged.</param>
public sealed record DriftRanking(string Metric, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ComputedAt, int Total, bool Truncated, IReadOnlyList<DeviceDrift> Devices);

/// <summary>
/// Ranks devices by how far their behaviour drifted from their fitted behaviour over the last days (<see cref="DriftScorer"/>).
/// Bounded work: at most <see cref="MaxDevices"/> devices, each read as <see cref="Step"/> buckets (the last reading of
/// each, at most 288 a day) in pages of <see cref="HistoryQuery.MaxPoints"/>; a ranking is kept for <see cref="TimeToLive"/>.
/// </summary>
public sealed class MaintenanceReport(HistoryStore history, TimeProvider time)
{
    public const int MaxDevices = 200;
    public const int MaxDays = 30;
    public const int DefaultDays = 7;
    public const int MaxPageSize = 200;

    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<(string, int), (DateTimeOffset At, Task<Ranking> Ranking)> _rankings = [];

    /// <summary>Devices <paramref name="skip"/>..+<paramref name="take"/> of the ranking of <paramref name="metric"/> over the last <paramref name="days"/> days.</summary>
    public async Task<DriftRanking> RankAsync(string metric, int days, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var ranking = await RankingAsync(metric, days).WaitAsync(cancellationToken);
        return new DriftRanking(metric, ranking.From, ranking.To, ranking.At, ranking.Devices.Count, ranking.Truncated,
            [.. ranking.Devices.Skip(skip).Take(Math.Min(take, MaxPageSize))]);
    }

    private Task<Ranking> RankingAsync(string metric, int days)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            // A ranking still being computed is shared too: two people opening the page start one computation.
            if (_rankings.TryGetValue((metric, days), out var cached) && now - cached.At < TimeToLive && !cached.Ranking.IsFaulted && !cached.Ranking.IsCanceled)
            {
                return cached.Ranking;
            }
            if (_rankings.Count >= 64)
            {
                _rankings.Clear();
            }
            // Not the caller's token: the ranking is shared by whoever asks next.
            var ranking = Task.Run(() => ComputeAsync(metric, now - TimeSpan.FromDays(days), now));
            _rankings[(metric, days)] = (now, ranking);
            return ranking;
        }
    }

    private async Task<Ranking> ComputeAsync(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        var ids = await history.DeviceIdsAsync();
        var drifts = new List<DeviceDrift>();
        foreach (var id in ids.Take(MaxDevices))
        {
            var latest = await history.LatestAsync(id);
            if (!latest.ContainsKey(metric))
            {
                continue;
            }
            var readings = await ReadAsync(id, metric, from, to);
            var heater = metric == TwinForecaster.TemperatureMetric && latest.ContainsKey(TwinForecaster.HeaterMetric)
                ? Align(readings, await ReadAsync(id, TwinForecaster.HeaterMetric, from, to, last: false))
                : null;
            drifts.Add(DriftScorer.Score(id, new SensorSeries(id, metric, [.. readings.Select(b => b.Time)], [.. readings.Select(b => b.Last)]), heater));
        }
        var ranked = drifts
            .OrderBy(d => d.Cause == DriftCause.TooLittleHistory)
            .ThenByDescending(d => d.Score)
            .ThenBy(d => d.DeviceId, StringComparer.Ordinal)
            .ToList();
        return new Ranking(to, from, to, ranked, ids.Count > MaxDevices);
    }

    /// <summary>The filled buckets of [from, to), a page of at most <see cref="HistoryQuery.MaxPoints"/> buckets at a time.</summary>
    private async Task<List<HistoryBucket>> ReadAsync(string deviceId, string metric, DateTimeOffset from, DateTimeOffset to, bool last = true)
    {
        var buckets = new List<HistoryBucket>();
        var page = Step * HistoryQuery.MaxPoints;
        for (var start = from; start < to; start += page)
        {
            var end = start + page < to ? start + page : to;
            var answer = await history.QueryBucketsAsync(new HistoryQuery(deviceId, metric, start, end, Step, last ? Aggregation.Last : Aggregation.Avg));
            buckets.AddRange(answer.Buckets.Where(b => b.Count > 0));
        }
        return buckets;
    }

    /// <summary>The heater's mean state in each reading's bucket (NaN where it reported nothing).</summary>
    private static double[] Align(List<HistoryBucket> readings, List<HistoryBucket> heater)
    {
        var byTime = heater.ToDictionary(b => b.Time, b => b.Avg);
        return [.. readings.Select(b => byTime.TryGetValue(b.Time, out var duty) ? duty : double.NaN)];
    }

    private sealed record Ranking(DateTimeOffset At, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DeviceDrift> Devices, bool Truncated);
}
