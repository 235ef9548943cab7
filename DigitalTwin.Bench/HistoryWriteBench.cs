using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- history-write</c>: what checking foreign keys costs the SQLite
/// history writer. Two migrated files, each with a writer of its own that lives through the run as the app's does: the
/// app's (foreign keys checked, samples upserted) and the baseline (the writer as it was before: the check off, samples
/// written by INSERT OR REPLACE). Rounds alternate between
/// them; each commits 1,000 devices × 3 metrics × 200 s of 1 Hz readings in the app's batches of 20,000, first as new
/// samples, then again over the same keys (every sample overwrites one). Prints each round and the medians' ratio.
/// </summary>
internal static class HistoryWriteBench
{
    private const int Devices = 1000;
    private const int SecondsPerRound = 200;
    private const int BatchSize = 20_000;
    private const int Rounds = 5;

    public static async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await using var checkedArm = await Arm.StartAsync("now: foreign keys checked, upsert", Path.Combine(root, "checked"), checks: true);
            await using var baseline = await Arm.StartAsync("before: foreign keys off, INSERT OR REPLACE", Path.Combine(root, "unchecked"), checks: false);
            Console.WriteLine("| round | writer | new samples/s | overwritten samples/s |");
            Console.WriteLine("|---|---|---|---|");
            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            // Round 0 warms both up (series created, caches filled) and is not counted.
            for (var round = 0; round <= Rounds; round++)
            {
                var at = start.AddSeconds(round * SecondsPerRound);
                foreach (var arm in round % 2 == 0 ? new[] { checkedArm, baseline } : [baseline, checkedArm])
                {
                    var fresh = await arm.WriteAsync(at, round > 0);
                    var overwritten = await arm.WriteAsync(at, round > 0, overwrite: true);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {(round == 0 ? "warm-up" : round.ToString(CultureInfo.InvariantCulture))} | {arm.Name} | {fresh:N0} | {overwritten:N0} |"));
                }
            }
            Console.WriteLine();
            Console.WriteLine("| medians of rounds | new samples/s | overwritten samples/s |");
            Console.WriteLine("|---|---|---|");
            foreach (var arm in new[] { baseline, checkedArm })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {arm.Name} | {Median(arm.Fresh):N0} | {Median(arm.Overwritten):N0} |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| now / before | {Median(checkedArm.Fresh) / Median(baseline.Fresh):N2} | {Median(checkedArm.Overwritten) / Median(baseline.Overwritten):N2} |"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Arm : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly IngestCounters _counters = new();
        private readonly HistoryWriter _writer;

        private Arm(string name, IHost host, SqliteDatabase database)
        {
            (Name, _host) = (name, host);
            _writer = new HistoryWriter(database, _counters, new CommitTracker(), new DeviceDirectory(NullLogger<DeviceDirectory>.Instance), TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        }

        public string Name { get; }

        public List<double> Fresh { get; } = [];

        public List<double> Overwritten { get; } = [];

        public static async Task<Arm> StartAsync(string name, string directory, bool checks)
        {
            Directory.CreateDirectory(directory);
            var host = await PowerImportBench.StartAsync(directory);
            var database = new SqliteDatabase($"Data Source={Path.Combine(directory, "bench.db")}") { WriterAsBefore = !checks };
            await BenchRegistry.RegisterAsync(host, Enumerable.Range(0, Devices).Select(d => $"bench-{d}"));
            var arm = new Arm(name, host, database);
            await arm._writer.StartAsync(CancellationToken.None);
            return arm;
        }

        /// <summary>Commits one round through the writer; samples per second, recorded when <paramref name="measured"/>.</summary>
        public async Task<double> WriteAsync(DateTimeOffset start, bool measured, bool overwrite = false)
        {
            var batches = Batches(start, overwrite ? 1.0 : 0.0);
            var target = _counters.ReadingsCommitted + batches.Sum(b => b.Count);
            var samples0 = _counters.Snapshot().SamplesCommitted;
            var clock = Stopwatch.StartNew();
            var position = _counters.ReadingsCommitted;
            foreach (var batch in batches)
            {
                position += batch.Count;
                await _writer.EnqueueAsync(new TelemetryBatch(batch, position), CancellationToken.None);
            }
            while (_counters.ReadingsCommitted < target)
            {
                await Task.Delay(1);
            }
            var rate = (_counters.Snapshot().SamplesCommitted - samples0) / clock.Elapsed.TotalSeconds;
            if (measured)
            {
                (overwrite ? Overwritten : Fresh).Add(rate);
            }
            return rate;
        }

        private static List<List<TelemetryReading>> Batches(DateTimeOffset start, double offset)
        {
            var readings = Enumerable.Range(0, SecondsPerRound).SelectMany(s => Enumerable.Range(0, Devices).Select(d =>
            {
                var at = start.AddSeconds(s);
                return new TelemetryReading($"bench-{d}", at, at,
                    [new MetricValue("temperature", 20 + offset + (d % 10)), new MetricValue("humidity", 40 + offset + (s % 7)), new MetricValue("power", offset + s)]);
            }));
            return [.. readings.Chunk(BatchSize).Select(c => c.ToList())];
        }

        public async ValueTask DisposeAsync()
        {
            _writer.Complete();
            await _writer.ExecuteTask!;
            await _writer.StopAsync(CancellationToken.None);
            _writer.Dispose();
            _counters.Dispose();
            _host.Dispose();
        }
    }
}
