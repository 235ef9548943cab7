using System.Globalization;
using System.Text.Json;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>… -- replay [--series occupancy_uci/temperature] [--device replay-1] [--port 1883] [--secret S] [--speed 60]
/// [--from 0] [--count 1440] [--fault spike@250:10] [--fault stuck@600] [--truth truth.json]</c>: plays one real series
/// from data/sensors over MQTT as a device (devices/{id}/telemetry, QoS 1), <c>speed</c> times faster than it was
/// recorded, with faults injected (kind@reading-index[:size in noise scales[:length in readings]]), and writes what
/// was injected, with the wall-clock times it was played, as JSON ground truth. The app must be running and the device
/// registered (its secret in --secret): the broker refuses unknown devices.
/// </summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = Option(args, "--series") ?? "occupancy_uci/temperature";
        var directory = Path.Combine(SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found"), "sensors");
        var series = SensorData.ReadAll(directory).FirstOrDefault(s => s.Name == name);
        if (series is null)
        {
            Console.Error.WriteLine($"No series {name}; try occupancy_uci/temperature, occupancy_uci/humidity or intel_lab/mote01 … mote50.");
            return 2;
        }
        var from = int.Parse(Option(args, "--from") ?? "0", CultureInfo.InvariantCulture);
        var count = Math.Min(int.Parse(Option(args, "--count") ?? $"{series.Length - from}", CultureInfo.InvariantCulture), series.Length - from);
        var clip = series with { Times = series.Times[from..(from + count)], Values = series.Values[from..(from + count)] };
        var interval = clip.Span / Math.Max(1, clip.Length - 1);
        var plans = args.Select((a, i) => (a, i)).Where(x => x.a == "--fault" && x.i + 1 < args.Length).Select(x => ParseFault(args[x.i + 1], interval)).ToList();
        var (faulty, truth) = FaultInjector.Inject(clip, plans);
        var speed = double.Parse(Option(args, "--speed") ?? "60", CultureInfo.InvariantCulture);
        var device = Option(args, "--device") ?? "replay-1";
        var port = int.Parse(Option(args, "--port") ?? "1883", CultureInfo.InvariantCulture);

        Console.WriteLine($"Replaying {name}: {faulty.Length} readings every {interval.TotalMinutes:0.#} min at {speed}× as {device}, {truth.Count} faults injected");
        using var client = await MqttConnections.ConnectAsync(port, device, Option(args, "--secret"));
        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < faulty.Length; i++)
        {
            var due = started + ((faulty.Times[i] - faulty.Times[0]) / speed);
            if (due > DateTimeOffset.UtcNow)
            {
                await Task.Delay(due - DateTimeOffset.UtcNow);
            }
            var payload = string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{due.ToUnixTimeMilliseconds()}},"{{faulty.Metric}}":{{faulty.Values[i]}}}""");
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"devices/{device}/telemetry").WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
        var file = Option(args, "--truth") ?? "replay-truth.json";
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(
            new { series = name, device, speed, faults = truth.Select(f => new { f, playedStart = started + ((f.Start - clip.Times[0]) / speed), playedEnd = started + ((f.End - clip.Times[0]) / speed) }) },
            new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Done; ground truth in {Path.GetFullPath(file)}");
        return 0;
    }

    /// <summary>"spike@250", "drift@600:5", "stuck@900:0:30": kind, reading index, size in noise scales (default 5), length in readings.</summary>
    public static FaultPlan ParseFault(string text, TimeSpan interval)
    {
        var at = text.Split('@');
        var kind = Enum.Parse<FaultKind>(at[0], ignoreCase: true);
        var parts = at[1].Split(':');
        var start = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var size = parts.Length > 1 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 5;
        var length = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : FaultInjector.LengthOf(kind, interval);
        return new FaultPlan(kind, start, length, size);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
