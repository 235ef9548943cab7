using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.History;

/// <summary>
/// The minute rollup behind buckets of whole minutes: it must answer exactly what the samples say, whatever order,
/// repeats and deletions the samples went through.
/// </summary>
public abstract partial class HistoryStoreChecks
{
    [SkippableFact]
    public async Task QueryBucketsAsync_OneMinuteBuckets_EveryAggregateOfEachBucket()
    {
        await WriteMinutesOfSamplesAsync();

        var buckets = await Store.QueryBucketsAsync(new HistoryQuery("d1", "temperature", T0, T0.AddMinutes(3), TimeSpan.FromMinutes(1), Aggregation.All));

        Assert.Equal(TimeSpan.FromMinutes(1), buckets.Interval);
        Assert.Equal(
            [new HistoryBucket(T0, 10, 25, 40, 40, 4), new HistoryBucket(T0.AddMinutes(1), 5, 6, 7, 7, 2), new HistoryBucket(T0.AddMinutes(2), 1000, 1000, 1000, 1000, 1)],
            buckets.Buckets);
    }

    [SkippableFact]
    public async Task WriterCommit_OverwriteLowersTheMinutesMax_MinuteComputedAgainFromSamples()
    {
        await WriteAsync([Reading("d1", T0, ("temperature", 10.0)), Reading("d1", T0.AddSeconds(30), ("temperature", 50.0))]);
        await WriteAsync([Reading("d1", T0.AddSeconds(30), ("temperature", 20.0))]);

        var bucket = Assert.Single((await MinuteBucketsAsync("d1", T0, T0.AddMinutes(1))).Buckets);

        Assert.Equal(new HistoryBucket(T0, 10, 15, 20, 20, 2), bucket);
    }

    [SkippableFact]
    public async Task WriterCommit_LateSampleBeforeTheMinutesNewest_LastStaysTheNewestByTimestamp()
    {
        await WriteAsync([Reading("d1", T0.AddSeconds(50), ("temperature", 5.0))]);
        await WriteAsync([Reading("d1", T0.AddSeconds(10), ("temperature", -3.0)), Reading("d1", T0.AddSeconds(70), ("temperature", 9.0))]);

        var buckets = (await MinuteBucketsAsync("d1", T0, T0.AddMinutes(2))).Buckets;

        Assert.Equal([new HistoryBucket(T0, -3, 1, 5, 5, 2), new HistoryBucket(T0.AddMinutes(1), 9, 9, 9, 9, 1)], buckets);
    }

    /// <summary>
    /// Three commits of a 1 Hz series in shuffled order with repeats (some overwriting stored samples, some repeated
    /// within a commit), checked against a model of the samples kept in memory (last write wins).
    /// </summary>
    [SkippableFact]
    public async Task QueryBucketsAsync_ShuffledRepeatedWrites_RollupAnswersAsTheSamplesDo()
    {
        var random = new Random(7);
        var model = new SortedDictionary<int, double>();
        for (var commit = 0; commit < 3; commit++)
        {
            var readings = new List<TelemetryReading>();
            foreach (var second in Enumerable.Range(0, 400).Select(_ => random.Next(0, 600)))
            {
                var value = Math.Round(random.NextDouble() * 100, 2);
                readings.Add(Reading("d1", T0.AddSeconds(second), ("temperature", value)));
                model[second] = value;
            }
            await WriteAsync(readings);
        }

        // From and to inside minutes, so both ends also come from the samples.
        var (from, to) = (T0.AddSeconds(25), T0.AddSeconds(575));
        var buckets = await Store.QueryBucketsAsync(new HistoryQuery("d1", "temperature", from, to, TimeSpan.FromMinutes(2), Aggregation.All));

        var expected = model.Where(m => m.Key is >= 25 and < 575).GroupBy(m => m.Key / 120).Select(g => new HistoryBucket(
            T0.AddMinutes(2 * g.Key), g.Min(m => m.Value), g.Average(m => m.Value), g.Max(m => m.Value), g.Last().Value, g.Count())).ToList();
        Assert.Equal(expected.Count, buckets.Buckets.Count);
        foreach (var (want, got) in expected.Zip(buckets.Buckets))
        {
            Assert.Equal(want with { Avg = 0 }, got with { Avg = 0 });
            Assert.Equal(want.Avg, got.Avg, 9);
        }
        Assert.Equal(0L, await MinutesDisagreeingWithSamplesAsync());
    }

    [SkippableFact]
    public async Task RetentionSweep_CutoffInsideAMinute_OlderMinutesGoAndTheCutMinuteCountsOnlyWhatIsLeft()
    {
        await WriteAsync([.. Enumerable.Range(0, 180).Select(s => Reading("d1", T0.AddSeconds(s), ("temperature", s)))]);
        var retention = new HistoryRetention(Database,
            Options.Create(new HistoryOptions { Retention = TimeSpan.FromDays(1), DeleteBatchSize = 50 }), TimeProvider.System, NullLogger<HistoryRetention>.Instance);

        Assert.Equal(90, await retention.SweepAsync(T0.AddSeconds(90), CancellationToken.None));

        var buckets = (await MinuteBucketsAsync("d1", T0, T0.AddMinutes(3))).Buckets;
        Assert.Equal([new HistoryBucket(T0.AddMinutes(1), 90, 104.5, 119, 119, 30), new HistoryBucket(T0.AddMinutes(2), 120, 149.5, 179, 179, 60)], buckets);
        Assert.Equal(2L, await ScalarAsync("""SELECT COUNT(*) FROM "SampleMinutes" """));
        Assert.Equal(0L, await MinutesDisagreeingWithSamplesAsync());
    }

    [SkippableFact]
    public async Task RetentionSweep_CutoffOnAMinute_MinutesFromTheCutoffOnKept()
    {
        await WriteAsync([.. Enumerable.Range(0, 180).Select(s => Reading("d1", T0.AddSeconds(s), ("temperature", s)))]);
        var retention = new HistoryRetention(Database,
            Options.Create(new HistoryOptions { Retention = TimeSpan.FromDays(1) }), TimeProvider.System, NullLogger<HistoryRetention>.Instance);

        await retention.SweepAsync(T0.AddMinutes(1), CancellationToken.None);

        var buckets = (await MinuteBucketsAsync("d1", T0, T0.AddMinutes(3))).Buckets;
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(2)], buckets.Select(b => b.Time));
        Assert.All(buckets, b => Assert.Equal(60, b.Count));
    }

    private Task<HistoryBuckets> MinuteBucketsAsync(string device, DateTimeOffset from, DateTimeOffset to) =>
        Store.QueryBucketsAsync(new HistoryQuery(device, "temperature", from, to, TimeSpan.FromMinutes(1), Aggregation.All));

    /// <summary>Stored minutes whose count, min, max or newest timestamp differ from their samples', or that have none.</summary>
    private Task<long> MinutesDisagreeingWithSamplesAsync() => ScalarAsync("""
        SELECT COUNT(*) FROM "SampleMinutes" m
        WHERE m."Count" <> (SELECT COUNT(*) FROM "Samples" s WHERE s."SeriesId" = m."SeriesId" AND s."Timestamp" >= m."Minute" AND s."Timestamp" < m."Minute" + 60000)
           OR m."Min" <> (SELECT MIN(s."Value") FROM "Samples" s WHERE s."SeriesId" = m."SeriesId" AND s."Timestamp" >= m."Minute" AND s."Timestamp" < m."Minute" + 60000)
           OR m."Max" <> (SELECT MAX(s."Value") FROM "Samples" s WHERE s."SeriesId" = m."SeriesId" AND s."Timestamp" >= m."Minute" AND s."Timestamp" < m."Minute" + 60000)
           OR m."LastTimestamp" <> (SELECT MAX(s."Timestamp") FROM "Samples" s WHERE s."SeriesId" = m."SeriesId" AND s."Timestamp" >= m."Minute" AND s."Timestamp" < m."Minute" + 60000)
        """);
}
