using System.Diagnostics;
using MQTTnet;

namespace DigitalTwin.Bench;

internal sealed record BaselineResult(long Sent, long Received, TimeSpan Elapsed)
{
    public double Rate => Received / Elapsed.TotalSeconds;

    public bool Lost => Received < Sent;
}

/// <summary>
/// What the broker alone moves: the publishers send telemetry-sized JSON to <c>bench/raw/{n}</c> (not a
/// telemetry topic) and one subscriber on <c>bench/raw/#</c> counts arrivals. QoS 0 has no flow control,
/// so the publishers keep at most <c>window</c> messages in flight: the broker's per-client queue
/// (MQTTnet 5: 1,000 messages, then it drops the oldest) would otherwise overflow, and the rate would
/// count messages nobody received.
/// </summary>
internal sealed class BrokerBaseline(IMqttClient[] publishers, IMqttClient subscriber, int window) : IAsyncDisposable
{
    public const string Filter = "bench/raw/#";
    private long _sent;
    private long _received;
    private long _lastReceipt;

    public static async Task<BrokerBaseline> CreateAsync(IMqttClient[] publishers, int mqttPort, int window)
    {
        var subscriber = await MqttConnections.ConnectAsync(mqttPort, "bench-raw-subscriber");
        var baseline = new BrokerBaseline(publishers, subscriber, window);
        subscriber.ApplicationMessageReceivedAsync += baseline.OnReceived;
        await MqttConnections.SubscribeAsync(subscriber, Filter);
        return baseline;
    }

    public async Task<BaselineResult> RunAsync(TimeSpan duration)
    {
        var received0 = Interlocked.Read(ref _received);
        var sent0 = Interlocked.Read(ref _sent);
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(publishers.Select((client, p) => Task.Run(() => PublishUntilAsync(client, $"bench/raw/{p}", deadline))));
        var sent = Interlocked.Read(ref _sent) - sent0;
        await WaitForArrivalsAsync(received0 + sent);
        var received = Interlocked.Read(ref _received) - received0;
        return new BaselineResult(sent, received, Stopwatch.GetElapsedTime(start, Volatile.Read(ref _lastReceipt)));
    }

    public async ValueTask DisposeAsync() => await MqttConnections.DisconnectAllAsync([subscriber]);

    private async Task PublishUntilAsync(IMqttClient client, string topic, long deadline)
    {
        long n = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            while (Interlocked.Read(ref _sent) - Interlocked.Read(ref _received) > window)
            {
                await Task.Delay(1);
            }
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(BenchDevices.Payload(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), n++))
                .Build();
            await client.PublishAsync(message);
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>Until everything arrived, or nothing more arrived for two seconds (then the shortfall is reported).</summary>
    private async Task WaitForArrivalsAsync(long expected)
    {
        var last = Interlocked.Read(ref _received);
        var idleSince = Stopwatch.GetTimestamp();
        while (Interlocked.Read(ref _received) < expected && Stopwatch.GetElapsedTime(idleSince) < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(1);
            var now = Interlocked.Read(ref _received);
            if (now != last)
            {
                last = now;
                idleSince = Stopwatch.GetTimestamp();
            }
        }
    }

    private Task OnReceived(MqttApplicationMessageReceivedEventArgs e)
    {
        Interlocked.Increment(ref _received);
        Volatile.Write(ref _lastReceipt, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
