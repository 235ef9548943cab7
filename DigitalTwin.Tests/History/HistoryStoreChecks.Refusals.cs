using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Tests.History;

/// <summary>
/// What the writer does when the database will not take a write: series that vanished under its cache of ids, and rows
/// the database refuses outright. Nothing may be stored where nobody can read it, and nothing good may be lost with it.
/// </summary>
public abstract partial class HistoryStoreChecks
{
    [SkippableFact]
    public async Task WriterCommit_DeviceDeletedBehindTheWritersBack_ItsReadingDroppedAndCountedTheRestStoredNoOrphans()
    {
        await RegisterDevicesAsync("d1", "d2");
        await using var writer = await RunningWriter.StartAsync(Database);
        await writer.CommitAsync([Reading("d1", T0, ("temperature", 1.0))]);
        await ExecuteAsync("""DELETE FROM "Devices" WHERE "Id" = 'd1'""");
        Assert.Equal(0L, await ScalarAsync("""SELECT COUNT(*) FROM "Series" """));

        await writer.CommitAsync([Reading("d1", T0.AddSeconds(1), ("temperature", 2.0)), Reading("d2", T0.AddSeconds(1), ("temperature", 6.0))]);

        // History never registers a device: a reading of one that is gone is refused, logged and counted, alone.
        Assert.Equal(0, await CountSamplesAsync("d1", "temperature"));
        Assert.Equal(1, await CountSamplesAsync("d2", "temperature"));
        Assert.Equal(0, await CountOrphansAsync());
        Assert.Equal(["d2"], await Store.DeviceIdsAsync());
        Assert.Equal(1, writer.Counters.ReadingsDropped);
        Assert.Contains(writer.Logs.Lines, l => l.Contains("refused by the database", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Delete_ThenRecreate_DirectoryTellsTheWriterNewReadingsUnderANewSeriesWithoutAFailure()
    {
        await RegisterDevicesAsync("d1", "d2");
        await using var writer = await RunningWriter.StartAsync(Database);
        writer.Directory.Stored(new Device { Id = "d1" }, new Device { Id = "d2" });
        await writer.CommitAsync([Reading("d1", T0, ("temperature", 1.0)), Reading("d2", T0, ("temperature", 5.0))]);
        var oldSeries = await ScalarAsync("""SELECT "Id" FROM "Series" WHERE "DeviceId" = 'd1'""");
        await ExecuteAsync("""DELETE FROM "Devices" WHERE "Id" = 'd1'""");
        // What DeviceRegistry.DeleteAsync does after its commit; then the device is registered again under its id.
        writer.Directory.Removed("d1");
        await RegisterDevicesAsync("d1");

        await writer.CommitAsync([Reading("d1", T0.AddSeconds(1), ("temperature", 2.0)), Reading("d2", T0.AddSeconds(1), ("temperature", 6.0))]);

        Assert.Equal(1, await CountSamplesAsync("d1", "temperature"));
        Assert.NotEqual(oldSeries, await ScalarAsync("""SELECT "Id" FROM "Series" WHERE "DeviceId" = 'd1'"""));
        Assert.Equal(2, await CountSamplesAsync("d2", "temperature"));
        Assert.Equal(0, await CountOrphansAsync());
        Assert.Equal(0, writer.Counters.HistoryCommitFailures);
    }

    [SkippableFact]
    public async Task WriterCommit_DatabaseRefusesOneReading_ItAloneIsDroppedTheRestCommitted()
    {
        SkipIfUnavailable();
        await RefuseSamplesWithValueAsync(666);
        using var counters = new IngestCounters();
        var logs = new LogCapture();
        var commits = new CommitTracker();
        await RegisterDevicesAsync("d1", "d2");
        using var writer = new HistoryWriter(Database, counters, commits, NewDirectory(), TimeProvider.System, LoggerOf(logs));
        // Queued before the writer starts, so they are committed as one group: the refused reading is in the middle of it.
        await writer.EnqueueAsync(new([Reading("d1", T0, ("temperature", 1.0)), Reading("d1", T0.AddSeconds(1), ("temperature", 666.0))], 2), CancellationToken.None);
        await writer.EnqueueAsync(new([Reading("d1", T0.AddSeconds(2), ("temperature", 3.0)), Reading("d2", T0, ("humidity", 4.0))], 4), CancellationToken.None);
        writer.Complete();

        await writer.StartAsync(CancellationToken.None);
        await writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(3, counters.ReadingsCommitted);
        Assert.Equal(2, await CountSamplesAsync("d1", "temperature"));
        Assert.Equal(1, await CountSamplesAsync("d2", "humidity"));
        Assert.Equal(0L, await ScalarAsync("""SELECT COUNT(*) FROM "Samples" WHERE "Value" = 666"""));
        Assert.Equal(1, counters.ReadingsDropped);
        Assert.True(counters.HistoryCommitFailures >= 2, $"{counters.HistoryCommitFailures} failed commits counted");
        Assert.Contains(logs.Lines, l => l.Contains("device d1 at 2024-05-01T09:00:01", StringComparison.Ordinal) && l.Contains("dropped", StringComparison.Ordinal));
        // Whoever waits for the readings is released, the dropped one included, instead of waiting forever.
        Assert.True(commits.WhenCommittedAsync(4).IsCompleted);
    }

    private static ILogger<HistoryWriter> LoggerOf(LogCapture logs) => new Logger<HistoryWriter>(new LoggerFactory([logs]));

    /// <summary>Makes the database refuse (as a constraint would) every sample with this value, with a trigger.</summary>
    protected abstract Task RefuseSamplesWithValueAsync(double value);

    protected Task<long> CountOrphansAsync() => ScalarAsync("""
        SELECT (SELECT COUNT(*) FROM "Samples" s WHERE NOT EXISTS (SELECT 1 FROM "Series" r WHERE r."Id" = s."SeriesId"))
             + (SELECT COUNT(*) FROM "SampleMinutes" m WHERE NOT EXISTS (SELECT 1 FROM "Series" r WHERE r."Id" = m."SeriesId"))
        """);

    protected async Task ExecuteAsync(string sql)
    {
        SkipIfUnavailable();
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A writer that lives across commits, as the app's does, so its cache of series ids is kept between them.</summary>
    protected sealed class RunningWriter : IAsyncDisposable
    {
        private RunningWriter(HistoryWriter writer, IngestCounters counters, DeviceDirectory directory, LogCapture logs) =>
            (Writer, Counters, Directory, Logs) = (writer, counters, directory, logs);

        public HistoryWriter Writer { get; }

        public IngestCounters Counters { get; }

        /// <summary>The directory whose removals the writer hears of, as the app's registry publishes them.</summary>
        public DeviceDirectory Directory { get; }

        public LogCapture Logs { get; }

        private long _queued;

        public static async Task<RunningWriter> StartAsync(IHistoryDatabase database)
        {
            var (counters, directory, logs) = (new IngestCounters(), NewDirectory(), new LogCapture());
            var writer = new HistoryWriter(database, counters, new CommitTracker(), directory, TimeProvider.System, LoggerOf(logs));
            await writer.StartAsync(CancellationToken.None);
            return new RunningWriter(writer, counters, directory, logs);
        }

        /// <summary>Queues the batch and waits until the writer has committed it.</summary>
        public async Task CommitAsync(IReadOnlyList<TelemetryReading> batch)
        {
            _queued += batch.Count;
            await Writer.EnqueueAsync(new TelemetryBatch(batch, _queued), CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Counters.ReadingsCommitted + Counters.ReadingsDropped < _queued)
            {
                Assert.True(DateTime.UtcNow < deadline, $"timed out: {Counters.ReadingsCommitted} of {_queued} readings committed");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Writer.Complete();
            await Writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
            await Writer.StopAsync(CancellationToken.None);
            Writer.Dispose();
            Counters.Dispose();
        }
    }
}
