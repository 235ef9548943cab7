using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- memory [--devices 10000]</c>: the app's working set and
/// managed heap (after a full, compacting GC) once started, once the devices are registered, and once every device
/// has connected with its secret and reported (its twin grain active, its series written); and the bytes per device.
/// The app runs in this process, so the working set also holds the benchmark's own (by then closed) clients.
/// </summary>
internal static class MemoryBench
{
    private const int ReadingsPerDevice = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var devices = args is [_, "--devices", var n] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : 10_000;
        await using var app = new BenchApp(anonymousPublishers: false);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stages = new List<(string Name, Footprint Memory)> { ("started, no devices", Footprint.Measure()) };

        var ids = Enumerable.Range(0, devices).Select(i => $"mem-{i}").ToList();
        var secrets = await app.ProvisionAsync(ids);
        stages.Add(($"{devices:N0} registered", Footprint.Measure()));

        var clock = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(id => ReportAsync(app.MqttPort, id, secrets[id])));
        }
        while (app.Counters.ReadingsApplied() < (long)devices * ReadingsPerDevice)
        {
            await Task.Delay(10);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{devices:N0} devices reported in {clock.Elapsed.TotalSeconds:N1} s"));
        stages.Add(($"{devices:N0} reported", Footprint.Measure()));

        var start = stages[0].Memory;
        Console.WriteLine();
        Console.WriteLine("| stage | working set | managed heap (after full GC) | per device vs started (working set / heap) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, memory) in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {memory.WorkingSet / 1048576.0:N1} MB | {memory.Heap / 1048576.0:N1} MB | " +
                $"{(memory.WorkingSet - start.WorkingSet) / (double)devices:N0} B / {(memory.Heap - start.Heap) / (double)devices:N0} B |"));
        }
        return 0;
    }

    /// <summary>A device's day in brief: connect with its secret, publish its readings at QoS 1 (acked once committed), leave.</summary>
    private static async Task ReportAsync(int port, string id, string secret)
    {
        using var client = await MqttConnections.ConnectAsync(port, id, secret);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < ReadingsPerDevice; i++)
        {
            var message = new MqttApplicationMessageBuilder().WithTopic($"devices/{id}/telemetry").WithPayload(BenchDevices.Payload(now + i, i))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await client.PublishAsync(message);
        }
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    private readonly record struct Footprint(long WorkingSet, long Heap)
    {
        public static Footprint Measure()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return new Footprint(process.WorkingSet64, heap);
        }
    }
}
