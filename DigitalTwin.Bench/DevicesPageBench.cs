using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- devices-page</c>: the /devices page's query (search,
/// filters, sort, one page) over 10,000 registered devices on SQLite, each timed against the same query over 100
/// devices in the same run. The page stays fast if the ratio stays far below 100 (the ratio of the fleet sizes).
/// </summary>
internal static class DevicesPageBench
{
    private const int Runs = 15;

    private static readonly (string Name, DeviceListQuery Query)[] Queries =
    [
        ("first page, by id", new DeviceListQuery()),
        ("search \"floor 3\", by name desc", new DeviceListQuery(Search: "floor 3", Sort: DeviceSort.Name, Descending: true)),
        ("kind + tag, page 3", new DeviceListQuery(Kind: "meter", Tag: "hall", Skip: 50)),
        ("status online, by last seen", new DeviceListQuery(Status: DeviceStatus.Online, Sort: DeviceSort.LastSeen, Descending: true)),
        ("search + tag + status offline", new DeviceListQuery(Search: "device 1", Tag: "hall", Status: DeviceStatus.Offline)),
    ];

    public static async Task<int> RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var small = await MeasureAsync(Path.Combine(directory, "small"), 100);
            var large = await MeasureAsync(Path.Combine(directory, "large"), 10_000);
            Console.WriteLine($"| query (page of 25) | 100 devices | 10,000 devices | ratio |");
            Console.WriteLine("|---|---|---|---|");
            for (var i = 0; i < Queries.Length; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Queries[i].Name} | {small[i]:N2} ms | {large[i]:N2} ms | {large[i] / small[i]:N1}× |"));
            }
            Console.WriteLine($"(medians of {Runs} runs after a warm-up; 100× more devices)");
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

    /// <summary>Median milliseconds per query over a fleet of <paramref name="count"/> devices, a quarter online and a quarter offline.</summary>
    private static async Task<double[]> MeasureAsync(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        using var host = await PowerImportBench.StartAsync(directory);
        var factory = host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        var registry = new DeviceRegistry(factory, host.Services.GetRequiredService<DeviceCatalog>(), host.Services.GetRequiredService<DeviceCredentials>(), TimeProvider.System);
        var registered = Stopwatch.StartNew();
        await registry.ProvisionAsync([.. Enumerable.Range(0, count).Select(Draft)], CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Registered {count:N0} devices in {registered.Elapsed.TotalSeconds:N1} s"));
        var board = new DeviceStatusBoard();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i += 2)
        {
            var status = i % 4 == 0 ? DeviceStatus.Online : DeviceStatus.Offline;
            board.Set($"dev-{i:00000}", new DeviceStatusEntry(status, StatusReason.DataReceived, now, now.AddSeconds(-((i * 7919) % count)), TimeSpan.FromSeconds(30)));
        }
        var list = new DeviceList(factory, board);
        var medians = new double[Queries.Length];
        for (var q = 0; q < Queries.Length; q++)
        {
            await list.QueryAsync(Queries[q].Query);
            var times = new double[Runs];
            for (var r = 0; r < Runs; r++)
            {
                var watch = Stopwatch.StartNew();
                await list.QueryAsync(Queries[q].Query);
                times[r] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            medians[q] = times[Runs / 2];
        }
        return medians;
    }

    private static DeviceDraft Draft(int i) => new(
        $"dev-{i:00000}", $"Device {i}", i % 10 == 0 ? "meter" : "thermometer", $"Floor {i % 10}",
        i % 3 == 0 ? ["hall"] : ["lab"], null, null);
}
