using Microsoft.Extensions.Logging;
using MQTTnet;

namespace DigitalTwin.Core.Mqtt;

/// <summary>
/// Keeps one MQTTnet client connected the way MQTTnet's samples recommend: ping, and reconnect with
/// back-off when the ping fails (reconnecting from the Disconnected event risks deadlocks in the client).
/// Logs once per outage, not per attempt, and runs <c>onConnected</c> after every (re)connect.
/// </summary>
public sealed class MqttConnectionKeeper(
    string name,
    IMqttClient client,
    MqttClientOptions options,
    Func<IMqttClient, CancellationToken, Task> onConnected,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private string Endpoint => options.ChannelOptions is MqttClientTcpOptions tcp ? tcp.RemoteEndpoint.ToString() ?? "?" : "?";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var everConnected = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await client.TryPingAsync(cancellationToken))
                {
                    await Task.Delay(PingInterval, time, cancellationToken);
                    continue;
                }
                if (everConnected && failures == 0)
                {
                    MqttConnectionLog.ConnectionLost(logger, name, Endpoint);
                    failures = 1;
                }
                try
                {
                    await ConnectAsync(cancellationToken);
                    LogConnected(everConnected, failures);
                    everConnected = true;
                    failures = 0;
                    await onConnected(client, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (failures++ == 0)
                    {
                        MqttConnectionLog.Unreachable(logger, ex, name, Endpoint);
                    }
                    await Task.Delay(RetryDelay(failures), time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            // A ping failed on a connection the client still believes in: drop it first, as
            // ConnectAsync refuses to run on a client that is not disconnected.
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }
        await client.ConnectAsync(options, cancellationToken);
    }

    private void LogConnected(bool everConnected, int failures)
    {
        if (everConnected || failures > 0)
        {
            MqttConnectionLog.Reconnected(logger, name, Endpoint, failures);
        }
        else
        {
            MqttConnectionLog.Connected(logger, name, Endpoint);
        }
    }

    // 250 ms, 500 ms, 1 s, ... up to 10 s: quick when the broker is just starting up, gentle
    // during a long outage.
    private static TimeSpan RetryDelay(int failures)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
