using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- devices-page [--small 100] [--large 10000] [--samples 200]</c>:
/// the /devices page's query (search, filters, sort, one page), a page of <c>GET /api/devices</c> (and of Overview's
/// cards) with its newest values, and what start-up does per device (load the directory, seed the status board from
/// history), over <c>--large</c> registered devices with <c>--samples</c> readings per series on SQLite, each timed
/// against the same over <c>--small</c> devices in the same run; and the managed heap the registered devices take. It
/// stays fast if the ratio stays far below the ratio of the fleet sizes.
/// </summary>
internal static class DevicesPageBench
{
    private const int Runs = 15;
    private const int OverviewPage = 12;
    private static readonly string[] Metrics = ["temperature", "humidity"];

    private static readonly (string Name, DeviceListQuery Query)[] Queries =
    [
        ("first page, by id", new DeviceListQuery()),
        ("search \"floor 3\", by name desc", new DeviceListQuery(Search: "floor 3", Sort: DeviceSort.Name, Descending: true)),
        ("kind + tag, page 3", new DeviceListQuery(Kind: "meter", Tag: "hall", Skip: 50)),
        ("status online, by last seen", new DeviceListQuery(Status: DeviceStatus.Online, Sort: DeviceSort.LastSeen, Descending: true)),
        ("search + tag + status offline", new DeviceListQuery(Search: "device 1", Tag: "hall", Status: DeviceStatus.Offline)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var (smallCount, largeCount) = (Option(args, "--small", 100), Option(args, "--large", 10_000));
        var samples = Option(args, "--samples", 200);
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var small = await MeasureAsync(Path.Combine(directory, "small"), smallCount, samples);
            var large = await MeasureAsync(Path.Combine(directory, "large"), largeCount, samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| query | {smallCount:N0} devices | {largeCount:N0} devices | ratio |"));
            Console.WriteLine("|---|---|---|---|");
            foreach (var (name, time) in small)
            {
                var unit = name.StartsWith("heap", StringComparison.Ordinal) ? "B" : "ms";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {time:N2} {unit} | {large[name]:N2} {unit} | {large[name] / time:N1}× |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(medians of {Runs} runs after a warm-up; {(double)largeCount / smallCount:N0}× more devices, {samples} readings per series)"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>
    /// Median milliseconds per operation over a fleet of <paramref name="count"/> devices, each with two series of
    /// history, a quarter online and a quarter offline.
    /// </summary>
    private static async Task<Dictionary<string, double>> MeasureAsync(string directory, int count, int samplesPerSeries)
    {
        Directory.CreateDirectory(directory);
        using var host = await PowerImportBench.StartAsync(directory);
        var factory = host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        var registry = host.Services.GetRequiredService<DeviceRegistry>();
        var registered = Stopwatch.StartNew();
        var heapBefore = Heap();
        await registry.ProvisionAsync([.. Enumerable.Range(0, count).Select(Draft)], CancellationToken.None);
        var heapPerDevice = (Heap() - heapBefore) / (double)count;
        var samples = await WriteHistoryAsync(host.Services.GetRequiredService<SqliteDatabase>(), count, samplesPerSeries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Registered {count:N0} devices with {samples:N0} samples of history in {registered.Elapsed.TotalSeconds:N1} s"));
        var board = new DeviceStatusBoard();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i += 2)
        {
            var status = i % 4 == 0 ? DeviceStatus.Online : DeviceStatus.Offline;
            board.Set($"dev-{i:00000}", new DeviceStatusEntry(status, StatusReason.DataReceived, now, now.AddSeconds(-((i * 7919) % count)), TimeSpan.FromSeconds(30)));
        }
        var list = new DeviceList(factory, board);
        var devices = host.Services.GetRequiredService<DeviceDirectory>();
        var fleet = new FleetOverview(devices, board);
        var operations = Queries.Select(q => (q.Name, Run: (Func<Task>)(() => list.QueryAsync(q.Query))))
            .Append(("API page of 50 with newest values", async () =>
            {
                var page = await list.QueryAsync(new DeviceListQuery(Skip: 100, Take: 50));
                await list.LatestMetricsAsync([.. page.Items.Select(i => i.Device.Id)]);
            }))
            .Append(("Overview: counts and a page of cards with newest values", async () =>
            {
                _ = fleet.Counts();
                await list.LatestMetricsAsync(fleet.PageIds(1, OverviewPage));
            }))
            .Append(("Overview: a page past the devices seen", async () =>
            {
                _ = fleet.Counts();
                await list.LatestMetricsAsync(fleet.PageIds(fleet.PageCount(OverviewPage), OverviewPage));
            }))
            .Append(("(before: tally every status and order the directory)", async () =>
            {
                var ids = devices.Snapshot.Keys;
                _ = ids.GroupBy(id => board.Get(id).Status).ToDictionary(g => g.Key, g => g.Count());
                var page = ids.OrderBy(id => !board.Has(id)).ThenBy(id => id, StringComparer.Ordinal).Take(OverviewPage).ToList();
                await list.LatestMetricsAsync(page);
            }))
            .Append(("load the device directory (start)", () => host.Services.LoadDevicesAsync()))
            .Append(("seed status from history (start)", () => DeviceStatusSeed.LastSeenAsync(factory)))
            // What the seed does not do: read every sample for the newest one.
            .Append(("(for comparison: newest sample by a GROUP BY scan)", () => ScanNewestAsync(host.Services.GetRequiredService<SqliteDatabase>())));
        var medians = new Dictionary<string, double>();
        foreach (var (name, run) in operations)
        {
            await run();
            var times = new double[Runs];
            for (var r = 0; r < Runs; r++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times[r] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            medians[name] = times[Runs / 2];
        }
        medians["heap per registered device (directory and caches, after a full GC)"] = heapPerDevice;
        return medians;
    }

    private static async Task ScanNewestAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SeriesId, MAX(Timestamp) FROM Samples GROUP BY SeriesId";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>Two series per device, <paramref name="samplesPerSeries"/> samples each, a second apart, in one transaction.</summary>
    private static async Task<int> WriteHistoryAsync(SqliteDatabase database, int count, int samplesPerSeries)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var series = connection.CreateCommand();
        series.Transaction = transaction;
        series.CommandText = "INSERT INTO Series (DeviceId, Metric) VALUES ($d, $m) RETURNING Id";
        var device = series.Parameters.Add("$d", Microsoft.Data.Sqlite.SqliteType.Text);
        var metric = series.Parameters.Add("$m", Microsoft.Data.Sqlite.SqliteType.Text);
        await using var sample = connection.CreateCommand();
        sample.Transaction = transaction;
        sample.CommandText = "INSERT INTO Samples (SeriesId, Timestamp, Value) VALUES ($s, $t, $v)";
        var seriesId = sample.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Integer);
        var timestamp = sample.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Integer);
        var value = sample.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Real);
        var start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            foreach (var name in Metrics)
            {
                (device.Value, metric.Value) = ($"dev-{i:00000}", name);
                seriesId.Value = (long)series.ExecuteScalar()!;
                for (var t = 0; t < samplesPerSeries; t++)
                {
                    (timestamp.Value, value.Value) = (start + (t * 1000L), 20.0 + (t % 10));
                    written += sample.ExecuteNonQuery();
                }
            }
        }
        await transaction.CommitAsync();
        return written;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    private static DeviceDraft Draft(int i) => new(
        $"dev-{i:00000}", $"Device {i}", i % 10 == 0 ? "meter" : "thermometer", $"Floor {i % 10}",
        i % 3 == 0 ? ["hall"] : ["lab"], null, null);
}
