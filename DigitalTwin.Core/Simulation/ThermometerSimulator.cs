using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace DigitalTwin.Core.Simulation;

/// <summary>
/// Publishes readings of <see cref="SimulatorOptions.Count"/> simulated thermometers over MQTT,
/// through the same broker and topics as real devices, as an ordinary client.
/// </summary>
/// <remarks>
/// Two clocks: the "ts" sent is the real wall time, so the pipeline treats readings like any
/// device's, while the rooms run TimeScale times faster, starting from the local time now, so
/// a day's weather and the heater's cycling show within minutes. Simulated time is derived from
/// the real time elapsed (Interval × TimeScale per tick), so a late tick does not slow it down.
/// </remarks>
public sealed class ThermometerSimulator : BackgroundService
{
    public const string ClientId = "simulator";

    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    // Without a last will (one per connection, and one connection serves every device), a clean
    // stop says "offline" itself, if the broker answers within this long.
    private static readonly TimeSpan OfflineAnnouncementTimeout = TimeSpan.FromSeconds(3);

    private readonly SimulatorOptions _options;
    private readonly MqttOptions _mqtt;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ThermometerSimulator> _logger;
    private readonly string _host;

    public ThermometerSimulator(
        IOptions<SimulatorOptions> options,
        IOptions<MqttOptions> mqttOptions,
        TimeProvider timeProvider,
        ILogger<ThermometerSimulator> logger)
    {
        _options = options.Value;
        _mqtt = mqttOptions.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        // The embedded broker always listens on loopback for in-process clients like this one.
        _host = _mqtt.Mode == MqttMode.Embedded ? "127.0.0.1" : _mqtt.Host;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Building up to 100,000 rooms should not hold up the host's start-up.
        await Task.Yield();
        SimulatorLog.Starting(_logger, _options.Count, _options.DevicePrefix, _options.Interval, _options.TimeScale, _host, _mqtt.Port);

        var realStart = _timeProvider.GetUtcNow();
        var simulatedStart = TimeZoneInfo.ConvertTime(realStart, _timeProvider.LocalTimeZone);
        var devices = Enumerable.Range(1, _options.Count)
            .Select(i => new Device(SimulatedThermometer.ForDevice(_options.DevicePrefix, i, simulatedStart)))
            .ToArray();

        using var client = new MqttClientFactory().CreateMqttClient();
        var connection = KeepConnectedAsync(client, devices, stoppingToken);
        try
        {
            await PublishReadingsAsync(client, devices, realStart, simulatedStart, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        await connection;
        await GoOfflineAsync(client, devices);
    }

    private async Task PublishReadingsAsync(
        IMqttClient client, Device[] devices, DateTimeOffset realStart, DateTimeOffset simulatedStart, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, _timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (!client.IsConnected)
            {
                continue;
            }
            var now = _timeProvider.GetUtcNow();
            var simulatedNow = simulatedStart + ((now - realStart) * _options.TimeScale);
            try
            {
                foreach (var device in devices)
                {
                    var reading = device.Thermometer.Read(simulatedNow);
                    var message = new MqttApplicationMessageBuilder()
                        .WithTopic(device.TelemetryTopic)
                        .WithPayload(TelemetryPayload.Serialize(now, reading))
                        .Build();
                    await client.PublishAsync(message, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The connection loop notices the outage and logs it once; the rooms keep
                // their simulated time and catch up on the next read.
                SimulatorLog.PublishFailed(_logger, ex);
            }
        }
    }

    // The MQTTnet samples' way to stay connected: ping, and reconnect when the ping fails.
    // Reconnecting from the Disconnected event instead risks deadlocks inside the client.
    private async Task KeepConnectedAsync(IMqttClient client, Device[] devices, CancellationToken cancellationToken)
    {
        var options = BuildClientOptions();
        var failures = 0;
        var everConnected = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await client.TryPingAsync(cancellationToken))
                {
                    await Task.Delay(PingInterval, _timeProvider, cancellationToken);
                    continue;
                }
                if (everConnected && failures == 0)
                {
                    SimulatorLog.ConnectionLost(_logger, _host, _mqtt.Port);
                    failures = 1;
                }
                try
                {
                    await ConnectAsync(client, options, cancellationToken);
                    LogConnected(everConnected, failures);
                    everConnected = true;
                    failures = 0;
                    await AnnounceAsync(client, devices, "online", cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (failures++ == 0)
                    {
                        SimulatorLog.Unreachable(_logger, ex, _host, _mqtt.Port);
                    }
                    await Task.Delay(RetryDelay(failures), _timeProvider, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private static async Task ConnectAsync(IMqttClient client, MqttClientOptions options, CancellationToken cancellationToken)
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
            SimulatorLog.Reconnected(_logger, _host, _mqtt.Port, failures);
        }
        else
        {
            SimulatorLog.Connected(_logger, _host, _mqtt.Port);
        }
    }

    // 250 ms, 500 ms, 1 s, ... up to 10 s: quick when the broker is just starting up, gentle
    // during a long outage.
    private static TimeSpan RetryDelay(int failures)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(ClientId)
            .WithTcpServer(_host, _mqtt.Port)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (_mqtt.Mode == MqttMode.External && !string.IsNullOrEmpty(_mqtt.Username))
        {
            builder.WithCredentials(_mqtt.Username, _mqtt.Password);
        }
        return builder.Build();
    }

    private static async Task AnnounceAsync(IMqttClient client, Device[] devices, string status, CancellationToken cancellationToken)
    {
        foreach (var device in devices)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(device.StatusTopic)
                .WithPayload(status)
                .WithRetainFlag()
                .Build();
            await client.PublishAsync(message, cancellationToken);
        }
    }

    private async Task GoOfflineAsync(IMqttClient client, Device[] devices)
    {
        using var timeout = new CancellationTokenSource(OfflineAnnouncementTimeout, _timeProvider);
        try
        {
            // A ping cancelled by the shutdown can leave the client disconnected; the broker is usually still there.
            if (!client.IsConnected)
            {
                await client.ConnectAsync(BuildClientOptions(), timeout.Token);
            }
            await AnnounceAsync(client, devices, "offline", timeout.Token);
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
        }
        catch (Exception ex)
        {
            // Stopping anyway; the twins will mark the devices offline when readings stop.
            SimulatorLog.PublishFailed(_logger, ex);
        }
    }

    private sealed class Device(SimulatedThermometer thermometer)
    {
        public SimulatedThermometer Thermometer { get; } = thermometer;

        public string TelemetryTopic { get; } = $"devices/{thermometer.DeviceId}/telemetry";

        public string StatusTopic { get; } = $"devices/{thermometer.DeviceId}/status";
    }
}
