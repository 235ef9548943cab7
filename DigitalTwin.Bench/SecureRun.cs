using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Bench;

/// <param name="EarlyAcks">PUBACKs seen before their commit; null where not checked (the app in a process of its own).</param>
internal sealed record AckedResult(long Sent, TimeSpan Elapsed, double P50Ms, double P99Ms, long? EarlyAcks)
{
    public double Rate => Sent / Elapsed.TotalSeconds;
}

/// <summary>
/// Devices as a production fleet runs them: registered through the registry, one connection each with its id and
/// secret, publishing QoS 1. Raw: each device publishes to its own <c>devices/{id}/bench</c> (authorized, not
/// telemetry, so the broker acknowledges it without the app); pipeline: to <c>devices/{id}/telemetry</c>, where the
/// broker sends the PUBACK only after the history commit. With the app in this process, every PUBACK is checked
/// against its commit counter (<paramref name="committed"/>).
/// </summary>
internal sealed class SecureRun(Func<long>? committed, BenchDevices devices, IMqttClient[] clients)
{
    public long TotalSent { get; private set; }

    /// <summary>Every device publishes until the deadline, each waiting for its PUBACK before the next.</summary>
    public async Task<AckedResult> RunRawAsync(TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients.Length];
        var start = Stopwatch.GetTimestamp();
        var sent = await Task.WhenAll(clients.Select((client, d) => Task.Run(async () =>
        {
            latencies[d] = [];
            var topic = $"devices/{devices.Ids[d]}/bench";
            long n = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await PublishAsync(client, topic, devices.NextMessage(d).Payload, latencies[d]);
                n++;
            }
            return n;
        })));
        return Summarize(sent.Sum(), Stopwatch.GetElapsedTime(start), latencies, earlyAcks: 0);
    }

    /// <summary>The same number of messages as telemetry; done when the last PUBACK (so the last commit) is in.</summary>
    public async Task<AckedResult> RunPipelineAsync(long messages)
    {
        var committed0 = committed?.Invoke() ?? 0;
        long acked = 0, early = 0;
        var latencies = new List<double>[clients.Length];
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select((client, d) => Task.Run(async () =>
        {
            latencies[d] = [];
            var share = (messages / clients.Length) + (d < messages % clients.Length ? 1 : 0);
            for (long i = 0; i < share; i++)
            {
                await PublishAsync(client, devices.Topics[d], devices.NextMessage(d).Payload, latencies[d]);
                // Acknowledged means committed: no more readings can be acked than the writer has committed.
                if (committed is not null && Interlocked.Increment(ref acked) > committed() - committed0)
                {
                    Interlocked.Increment(ref early);
                }
            }
        })));
        TotalSent += messages;
        return Summarize(messages, Stopwatch.GetElapsedTime(start), latencies, committed is null ? null : early);
    }

    private static async Task PublishAsync(IMqttClient client, string topic, byte[] payload, List<double> latencies)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var sent = Stopwatch.GetTimestamp();
        var result = await client.PublishAsync(message);
        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"PUBACK {result.ReasonCode} for {topic}");
        }
    }

    private static AckedResult Summarize(long sent, TimeSpan elapsed, List<double>[] latencies, long? earlyAcks)
    {
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new AckedResult(sent, elapsed, At(0.5), At(0.99), earlyAcks);
    }
}
