using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- history-query</c>: a week of a 1 Hz device (two metrics,
/// 1.2 M samples) written through the real history writer, then the device page's history charts (min, avg and
/// max per bucket) for 1 h, 24 h and 7 d, timed against the 1 h query of the same run and against the three
/// queries over the samples the page used to send (<see cref="ThreeQueryChart"/>), on the same file.
/// </summary>
internal static class HistoryQueryBench
{
    private const string Device = "bench-1hz";
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static async Task<int> RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var host = await PowerImportBench.StartAsync(directory);
            var database = host.Services.GetRequiredService<IHistoryDatabase>();
            var end = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            var written = Stopwatch.StartNew();
            await BenchRegistry.RegisterAsync(host, [Device]);
            var samples = await WriteWeekAsync(database, end - Week);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {samples:N0} samples in {written.Elapsed.TotalSeconds:N1} s ({samples / written.Elapsed.TotalSeconds:N0}/s)"));

            var store = new HistoryStore(database);
            var oldChart = new ThreeQueryChart(((SqliteDatabase)database).ConnectionString);
            var baseline = await MedianMsAsync(() => store.QueryBucketsAsync(Chart(end, TimeSpan.FromHours(1))));
            Console.WriteLine("| range | points | min+avg+max chart, one query (median of 5) | vs 1 h | old: three queries over samples | new / old |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var range in new[] { TimeSpan.FromHours(1), TimeSpan.FromHours(24), Week })
            {
                var ms = range == TimeSpan.FromHours(1) ? baseline : await MedianMsAsync(() => store.QueryBucketsAsync(Chart(end, range)));
                var chart = await store.QueryBucketsAsync(Chart(end, range));
                var oldMs = await MedianMsAsync(() => oldChart.QueryAsync(Device, "temperature", end - range, end, (long)chart.Interval.TotalMilliseconds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {range.TotalHours:N0} h | {chart.Buckets.Count:N0} | {ms:N1} ms | {ms / baseline:N1}× | {oldMs:N1} ms | {ms / oldMs:N2}× |"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> WriteWeekAsync(IHistoryDatabase database, DateTimeOffset start)
    {
        using var counters = new IngestCounters();
        using var writer = new HistoryWriter(database, counters, new CommitTracker(), new DeviceDirectory(NullLogger<DeviceDirectory>.Instance), TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var seconds = (int)Week.TotalSeconds;
        for (var first = 0; first < seconds; first += 20_000)
        {
            var batch = Enumerable.Range(first, Math.Min(20_000, seconds - first)).Select(s =>
            {
                var at = start.AddSeconds(s);
                return new TelemetryReading(Device, at, at, [new MetricValue("temperature", 21 + Math.Sin(s / 3600.0)), new MetricValue("humidity", 40 + (s % 7))]);
            }).ToList();
            await writer.EnqueueAsync(new TelemetryBatch(batch, first + batch.Count), CancellationToken.None);
        }
        writer.Complete();
        await writer.ExecuteTask!;
        await writer.StopAsync(CancellationToken.None);
        return counters.Snapshot().SamplesCommitted;
    }

    /// <summary>What the device page asks for one history chart: min, average and max of each bucket, in one query.</summary>
    private static HistoryQuery Chart(DateTimeOffset end, TimeSpan range) => new(Device, "temperature", end - range, end, null, Aggregation.All);

    private static async Task<double> MedianMsAsync(Func<Task> query)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
