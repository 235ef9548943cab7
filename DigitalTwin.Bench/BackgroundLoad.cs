using System.Diagnostics;
using MQTTnet;

namespace DigitalTwin.Bench;

/// <summary>Other devices' QoS 0 telemetry at a steady rate from their own connections, paced every 10 ms.</summary>
internal sealed class BackgroundLoad : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly IMqttClient[] _clients;
    private readonly CancellationTokenSource _stop = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private Task _run = Task.CompletedTask;
    private long _sent;

    private BackgroundLoad(IMqttClient[] clients) => _clients = clients;

    public static async Task<BackgroundLoad> StartAsync(int port, int devices, int rate)
    {
        var load = new BackgroundLoad(await MqttConnections.ConnectManyAsync(port, "load", devices));
        load._run = Task.Run(() => load.RunAsync(rate));
        // Let the load settle before anything is measured against it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return load;
    }

    /// <summary>Stops publishing; the rate actually sent.</summary>
    public async Task<double> StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
        return Interlocked.Read(ref _sent) / Stopwatch.GetElapsedTime(_started).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        await MqttConnections.DisconnectAllAsync(_clients);
        _stop.Dispose();
    }

    private async Task RunAsync(int rate)
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var due = (long)(Stopwatch.GetElapsedTime(_started).TotalSeconds * rate);
                // Catch up after a slow tick, but never by more than a few ticks' worth at once.
                var batch = (int)Math.Min(due - _sent, Math.Max(1, rate / 25));
                var sends = new Task[batch];
                for (var k = 0; k < batch; k++)
                {
                    var n = _sent + k;
                    var device = (int)(n % _clients.Length);
                    sends[k] = _clients[device].PublishAsync(new MqttApplicationMessageBuilder()
                        .WithTopic($"devices/load-{device}/telemetry")
                        .WithPayload(FormattableString.Invariant($$"""{"temperature":{{20 + (n % 100 / 10.0)}}}"""))
                        .Build());
                }
                await Task.WhenAll(sends);
                Interlocked.Add(ref _sent, batch);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
