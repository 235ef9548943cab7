using System.Diagnostics;
using MQTTnet;

namespace DigitalTwin.Bench;

internal sealed record PipelineResult(long Sent, TimeSpan Elapsed, LatencySummary Latency)
{
    public double Rate => Sent / Elapsed.TotalSeconds;
}

/// <summary>
/// Telemetry through the whole product: MQTT → ingest → queue → processor → twin grain and history.
/// A message counts as processed when its twin was updated and its history committed, read from
/// <see cref="DigitalTwin.Core.Telemetry.IngestCounters"/> (one reading per message here).
/// </summary>
internal sealed class PipelineRun(BenchApp app, BenchDevices devices, IMqttClient[] publishers)
{
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    public long TotalSent { get; private set; }

    /// <summary>As fast as the publishers go; back-pressure comes from the app (the broker awaits the ingest queue).</summary>
    public async Task<PipelineResult> RunLoadedAsync(long messages)
    {
        using var latency = new LatencyRecorder(devices, app.Feed, messages);
        var (applied0, committed0) = (app.Counters.ReadingsApplied(), app.Counters.ReadingsCommitted);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(publishers.Select((client, p) =>
            Task.Run(() => PublishAsync(client, devices.Owned[p], Share(messages, p), latency))));
        TotalSent += messages;
        var done = await WaitForProcessedAsync(applied0 + messages, committed0 + messages);
        return new PipelineResult(messages, Stopwatch.GetElapsedTime(start, done), latency.Summarize());
    }

    /// <summary>A steady light rate, so the delay is the pipeline's own and not time spent queueing.</summary>
    public async Task<PipelineResult> RunPacedAsync(int rate, TimeSpan duration)
    {
        var messages = (long)(rate * duration.TotalSeconds);
        using var latency = new LatencyRecorder(devices, app.Feed, messages);
        var (applied0, committed0) = (app.Counters.ReadingsApplied(), app.Counters.ReadingsCommitted);
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < messages; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var device = (int)(i % devices.Count);
            await PublishOneAsync(publishers[device % publishers.Length], device, latency);
        }
        TotalSent += messages;
        var done = await WaitForProcessedAsync(applied0 + messages, committed0 + messages);
        return new PipelineResult(messages, Stopwatch.GetElapsedTime(start, done), latency.Summarize());
    }

    /// <summary>Each publisher's part, in proportion to the devices it owns, so every device sends about as many messages.</summary>
    private long Share(long messages, int publisher)
    {
        var before = devices.Owned.Take(publisher).Sum(o => o.Length);
        var through = before + devices.Owned[publisher].Length;
        return (messages * through / devices.Count) - (messages * before / devices.Count);
    }

    private async Task PublishAsync(IMqttClient client, int[] owned, long count, LatencyRecorder latency)
    {
        for (long i = 0; i < count; i++)
        {
            await PublishOneAsync(client, owned[i % owned.Length], latency);
        }
    }

    private Task PublishOneAsync(IMqttClient client, int device, LatencyRecorder latency)
    {
        var (payload, seq) = devices.NextMessage(device);
        var message = new MqttApplicationMessageBuilder().WithTopic(devices.Topics[device]).WithPayload(payload).Build();
        latency.Stamp(device, seq);
        return client.PublishAsync(message);
    }

    /// <summary>The moment both the twins and the history have taken every message; fails if the pipeline stalls.</summary>
    private async Task<long> WaitForProcessedAsync(long applied, long committed)
    {
        var progress = (app.Counters.ReadingsApplied(), app.Counters.ReadingsCommitted);
        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            var now = (app.Counters.ReadingsApplied(), app.Counters.ReadingsCommitted);
            if (now.Item1 >= applied && now.Item2 >= committed)
            {
                return Stopwatch.GetTimestamp();
            }
            if (now != progress)
            {
                (progress, since) = (now, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(since) > StallLimit)
            {
                throw new TimeoutException($"The pipeline stalled: applied {now.Item1:N0}/{applied:N0}, committed {now.Item2:N0}/{committed:N0}.");
            }
            await Task.Delay(1);
        }
    }
}
