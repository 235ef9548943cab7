using System.Data.Common;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.History;

/// <summary>
/// What history promises whatever the database: written through the real writer, read through the real store,
/// on a freshly migrated database. Each provider runs these in a subclass.
/// </summary>
public abstract partial class HistoryStoreChecks : IAsyncLifetime
{
    // A minute boundary, so 1 s and 1 min buckets start exactly here.
    protected static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private HistoryDatabaseHost? _host;
    private string? _unavailable;

    protected IHistoryDatabase Database
    {
        get
        {
            SkipIfUnavailable();
            return _host!.Database;
        }
    }

    protected HistoryStore Store => new(Database);

    /// <summary>Starts the app's data registration on a fresh database; null with a reason when there is none here.</summary>
    protected abstract Task<(HistoryDatabaseHost? Host, string? Unavailable)> StartAsync();

    /// <summary>A raw connection to the test's database, to check what was stored.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>Skips the running test (a SkippableFact) when the provider has no database here.</summary>
    protected void SkipIfUnavailable() => Skip.If(_unavailable is not null, _unavailable);

    public async Task InitializeAsync() => (_host, _unavailable) = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            await DropDatabaseAsync();
        }
    }

    [SkippableTheory]
    [InlineData(Aggregation.Avg, 25.0, 6.0)]
    [InlineData(Aggregation.Min, 10.0, 5.0)]
    [InlineData(Aggregation.Max, 40.0, 7.0)]
    [InlineData(Aggregation.Last, 40.0, 7.0)]
    public async Task QueryAsync_OneMinuteBuckets_AggregatesEachBucket(Aggregation aggregation, double first, double second)
    {
        await WriteMinutesOfSamplesAsync();

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddMinutes(2), TimeSpan.FromMinutes(1), aggregation));

        Assert.Equal(TimeSpan.FromMinutes(1), series.Interval);
        Assert.Equal(aggregation, series.Aggregation);
        Assert.Equal([new HistoryPoint(T0, first), new HistoryPoint(T0.AddMinutes(1), second)], series.Points);
    }

    [SkippableFact]
    public async Task QueryAsync_FromInsideABucket_BucketTimeAlignedToIntervalAndOnlyLaterSamplesCount()
    {
        await WriteMinutesOfSamplesAsync();

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0.AddSeconds(20), T0.AddMinutes(2), TimeSpan.FromMinutes(1), Aggregation.Avg));

        // Samples at :30 (30) and :45 (40) fall in the range; the bucket is labelled with its aligned start.
        Assert.Equal([new HistoryPoint(T0, 35.0), new HistoryPoint(T0.AddMinutes(1), 6.0)], series.Points);
    }

    [SkippableFact]
    public async Task QueryAsync_ToIsExclusive_SampleAtToLeftOut()
    {
        await WriteMinutesOfSamplesAsync();

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddMinutes(1), TimeSpan.FromMinutes(1), Aggregation.Max));

        Assert.Equal([new HistoryPoint(T0, 40.0)], series.Points);
    }

    [SkippableFact]
    public async Task QueryAsync_OtherMetricsAndDevices_NotMixedIn()
    {
        await WriteMinutesOfSamplesAsync();

        var humidity = await Store.QueryAsync(new HistoryQuery("d1", "humidity", T0, T0.AddMinutes(2), TimeSpan.FromMinutes(1), Aggregation.Avg));
        var other = await Store.QueryAsync(new HistoryQuery("d2", "temperature", T0, T0.AddMinutes(2), TimeSpan.FromMinutes(1), Aggregation.Avg));
        var unknown = await Store.QueryAsync(new HistoryQuery("nope", "temperature", T0, T0.AddMinutes(2), TimeSpan.FromMinutes(1), Aggregation.Avg));

        Assert.Equal([new HistoryPoint(T0, 50.0)], humidity.Points);
        Assert.Equal([new HistoryPoint(T0, 1000.0)], other.Points);
        Assert.Empty(unknown.Points);
    }

    [SkippableFact]
    public async Task QueryAsync_IntervalTooFineForRange_WidenedToKeepAtMostMaxPoints()
    {
        // One hour at 1 Hz: value = second of the hour.
        await WriteAsync([.. Enumerable.Range(0, 3600).Select(s => Reading("d1", T0.AddSeconds(s), ("temperature", s)))]);

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddHours(1), TimeSpan.FromSeconds(1), Aggregation.Avg));

        Assert.Equal(TimeSpan.FromSeconds(5), series.Interval);
        Assert.Equal(720, series.Points.Count);
        Assert.Equal(new HistoryPoint(T0, 2.0), series.Points[0]);
        Assert.Equal(new HistoryPoint(T0.AddSeconds(3595), 3597.0), series.Points[^1]);
        Assert.All(series.Points, p => Assert.Equal(0, p.Time.ToUnixTimeMilliseconds() % 5000));
    }

    [SkippableFact]
    public async Task QueryAsync_NoInterval_ChoosesOneWithinMaxPoints()
    {
        await WriteMinutesOfSamplesAsync();

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddDays(1), null, Aggregation.Max));

        Assert.Equal(TimeSpan.FromMinutes(2), series.Interval);
        Assert.Equal([new HistoryPoint(T0, 40.0), new HistoryPoint(T0.AddMinutes(2), 1000.0)], series.Points);
    }

    [SkippableFact]
    public async Task WriterCommit_SameSeriesAndTimestampTwice_StoredOnceWithLatestValue()
    {
        await WriteAsync([Reading("d1", T0, ("temperature", 1.0))]);
        await WriteAsync([Reading("d1", T0, ("temperature", 2.0)), Reading("d1", T0, ("temperature", 3.0))]);

        Assert.Equal(1, await CountSamplesAsync("d1", "temperature"));
        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddMinutes(1), TimeSpan.FromMinutes(1), Aggregation.Avg));
        Assert.Equal([new HistoryPoint(T0, 3.0)], series.Points);
    }

    [SkippableFact]
    public async Task WriterCommit_RepeatsAcrossBatchesOfOneGroup_LastWriteWins()
    {
        // Two batches queued before the writer starts are committed together, in one transaction.
        await WriteAsync(
            [Reading("d1", T0, ("temperature", 1.0)), Reading("d1", T0.AddSeconds(1), ("temperature", 5.0))],
            [Reading("d1", T0, ("temperature", 2.0))]);

        var series = await Store.QueryAsync(new HistoryQuery("d1", "temperature", T0, T0.AddMinutes(1), TimeSpan.FromSeconds(1), Aggregation.Last));
        Assert.Equal([new HistoryPoint(T0, 2.0), new HistoryPoint(T0.AddSeconds(1), 5.0)], series.Points);
        Assert.Equal(2, await CountSamplesAsync("d1", "temperature"));
    }

    [SkippableFact]
    public async Task WriterCommit_NewDeviceAndMetrics_RegistersDeviceAndSeriesOnce()
    {
        await WriteAsync([Reading("d1", T0, ("temperature", 1.0), ("humidity", 2.0))]);
        await WriteAsync([Reading("d1", T0.AddSeconds(1), ("temperature", 1.0))]);

        Assert.Equal(["d1"], await Store.DeviceIdsAsync());
        Assert.Equal(2L, await ScalarAsync("""SELECT COUNT(*) FROM "Series" WHERE "DeviceId" = 'd1'"""));
    }

    [SkippableFact]
    public async Task DeviceIdsAsync_MixedCase_OrdinalOrder()
    {
        await WriteAsync([Reading("b", T0, ("t", 1.0)), Reading("B", T0, ("t", 1.0)), Reading("a-2", T0, ("t", 1.0)), Reading("a_1", T0, ("t", 1.0))]);

        Assert.Equal(["B", "a-2", "a_1", "b"], await Store.DeviceIdsAsync());
    }

    [SkippableFact]
    public async Task LatestAsync_InsertedOutOfOrder_NewestByTimestampPerMetric()
    {
        await WriteAsync([Reading("d1", T0.AddSeconds(30), ("temperature", 7.0), ("humidity", 41.0))]);
        await WriteAsync([Reading("d1", T0.AddSeconds(10), ("temperature", 3.0))]);
        await WriteAsync([Reading("d1", T0.AddSeconds(20), ("humidity", 45.0)), Reading("d1", T0.AddSeconds(40), ("humidity", 44.0))]);
        await WriteAsync([Reading("d2", T0.AddHours(1), ("temperature", 99.0))]);

        var latest = await Store.LatestAsync("d1");

        Assert.Equal(2, latest.Count);
        Assert.Equal(new TwinMetric(7.0, T0.AddSeconds(30)), latest["temperature"]);
        Assert.Equal(new TwinMetric(44.0, T0.AddSeconds(40)), latest["humidity"]);
    }

    [SkippableFact]
    public async Task LatestAsync_UnknownDevice_Empty()
    {
        await WriteMinutesOfSamplesAsync();

        Assert.Empty(await Store.LatestAsync("nope"));
    }

    /// <summary>
    /// d1/temperature: minute 0 = 10, 20, 30, 40 at :00, :15, :30, :45; minute 1 = 5, 7 at :00, :30; one at minute 2 (excluded by To).
    /// Written out of time order, so "last" must come from the timestamp, not the insertion order.
    /// </summary>
    [SkippableFact]
    public async Task RetentionSweep_OldAndNewSamples_DeletesOnlyExpiredInSmallBatches()
    {
        await WriteAsync(
            [.. Enumerable.Range(0, 7).Select(i => Reading("d1", T0.AddSeconds(i), ("temperature", i), ("humidity", 50)))],
            [Reading("d1", T0.AddHours(1), ("temperature", 99)), Reading("d2", T0.AddSeconds(1), ("temperature", 1))]);
        var retention = new HistoryRetention(Database,
            Options.Create(new HistoryOptions { Retention = TimeSpan.FromDays(1), DeleteBatchSize = 3 }), TimeProvider.System, NullLogger<HistoryRetention>.Instance);

        var deleted = await retention.SweepAsync(T0.AddMinutes(30), CancellationToken.None);

        Assert.Equal(15, deleted);
        Assert.Equal(1, await CountSamplesAsync("d1", "temperature"));
        Assert.Equal(0, await CountSamplesAsync("d1", "humidity"));
        Assert.Equal(0, await CountSamplesAsync("d2", "temperature"));
        Assert.Equal(99, (await Store.LatestAsync("d1"))["temperature"].Value);
    }

    [SkippableFact]
    public async Task ExportCsv_TwoMetricsSomeTimestampsMissingOne_RowPerTimestampWithEmptyCells()
    {
        await WriteAsync([
            Reading("d1", T0, ("temperature", 21.5), ("humidity", 40)),
            Reading("d1", T0.AddSeconds(1), ("temperature", 21.75)),
            Reading("d1", T0.AddSeconds(2), ("humidity", 41)),
            Reading("d1", T0.AddHours(2), ("temperature", 30)),
            Reading("d2", T0, ("temperature", 5))]);
        using var csv = new StringWriter { NewLine = "\n" };

        var rows = await Store.ExportCsvAsync(csv, "d1", ["humidity", "temperature"], T0, T0.AddHours(1));

        Assert.Equal(3, rows);
        Assert.Equal("""
            timestamp,humidity,temperature
            2024-05-01T09:00:00.000Z,40,21.5
            2024-05-01T09:00:01.000Z,,21.75
            2024-05-01T09:00:02.000Z,41,

            """.Replace("\r", ""), csv.ToString());
    }

    protected async Task WriteMinutesOfSamplesAsync()
    {
        await WriteAsync(
        [
            Reading("d1", T0.AddSeconds(45), ("temperature", 40.0)),
            Reading("d1", T0.AddSeconds(90), ("temperature", 7.0)),
            Reading("d1", T0, ("temperature", 10.0), ("humidity", 50.0)),
            Reading("d1", T0.AddMinutes(2), ("temperature", 1000.0)),
        ]);
        await WriteAsync(
        [
            Reading("d1", T0.AddSeconds(30), ("temperature", 30.0)),
            Reading("d1", T0.AddSeconds(60), ("temperature", 5.0)),
            Reading("d1", T0.AddSeconds(15), ("temperature", 20.0)),
            Reading("d2", T0.AddSeconds(5), ("temperature", 1000.0)),
        ]);
    }

    /// <summary>Through the app's real write path: the writer's channel, its statements and transaction.</summary>
    protected async Task WriteAsync(params IReadOnlyList<TelemetryReading>[] batches)
    {
        await RegisterDevicesAsync([.. batches.SelectMany(b => b).Select(r => r.DeviceId)]);
        using var counters = new IngestCounters();
        using var writer = new HistoryWriter(Database, counters, new CommitTracker(), NewDirectory(), TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        // Queued before the writer starts, so they are committed as one group.
        var position = 0L;
        foreach (var batch in batches)
        {
            position += batch.Count;
            await writer.EnqueueAsync(new TelemetryBatch(batch, position), CancellationToken.None);
        }
        writer.Complete();
        await writer.StartAsync(CancellationToken.None);
        await writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(batches.Sum(b => b.Count), counters.ReadingsCommitted);
    }

    /// <summary>The devices' rows, as the registry would have made them: history is written only for registered devices.</summary>
    protected async Task RegisterDevicesAsync(params IReadOnlyCollection<string> deviceIds)
    {
        foreach (var id in deviceIds.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync($$"""
                INSERT INTO "Devices" ("Id", "Kind", "CreatedAt", "Tags", "Metadata") VALUES ('{{id}}', 'meter', '2024-05-01 09:00:00+00:00', '[]', '{}')
                ON CONFLICT DO NOTHING
                """);
        }
    }

    protected static DeviceDirectory NewDirectory() => new(NullLogger<DeviceDirectory>.Instance);

    protected static TelemetryReading Reading(string device, DateTimeOffset at, params (string Name, double Value)[] metrics) =>
        new(device, at, at, [.. metrics.Select(m => new MetricValue(m.Name, m.Value))]);

    protected Task<long> CountSamplesAsync(string device, string metric) => ScalarAsync($"""
        SELECT COUNT(*) FROM "Samples" s JOIN "Series" r ON r."Id" = s."SeriesId" WHERE r."DeviceId" = '{device}' AND r."Metric" = '{metric}'
        """);

    protected async Task<long> ScalarAsync(string sql)
    {
        SkipIfUnavailable();
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
