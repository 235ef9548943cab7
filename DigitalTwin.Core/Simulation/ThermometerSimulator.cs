using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Core.Simulation;

/// <summary>
/// Publishes readings of <see cref="SimulatorOptions.Count"/> simulated thermometers over MQTT,
/// through the same broker and topics as real devices, as ordinary clients: at start it registers its
/// thermometers (<see cref="IDeviceProvisioner"/>), keeps their fresh secrets in memory, and on the embedded broker
/// connects once per thermometer as that device, since a device may publish only to its own topics. On an
/// external broker, which authenticates clients itself, one connection with Mqtt:Username serves them all.
/// Each thermometer is a device that obeys: it follows the setpoint and mode of its desired document and of the
/// setpoint command, and reports them back (<see cref="ThermostatControl"/>).
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

    // A clean stop says "offline" itself, if the broker answers within this long; a crash leaves it to the last will
    // (one per connection, so only on the embedded broker, where each thermometer has a connection of its own).
    private static readonly TimeSpan OfflineAnnouncementTimeout = TimeSpan.FromSeconds(3);

    private readonly SimulatorOptions _options;
    private readonly MqttOptions _mqtt;
    private readonly IDeviceProvisioner _provisioner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ThermometerSimulator> _logger;
    private readonly string _host;

    public ThermometerSimulator(
        IOptions<SimulatorOptions> options,
        IOptions<MqttOptions> mqttOptions,
        IDeviceProvisioner provisioner,
        TimeProvider timeProvider,
        ILogger<ThermometerSimulator> logger)
    {
        _options = options.Value;
        _mqtt = mqttOptions.Value;
        _provisioner = provisioner;
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
        var secrets = await _provisioner.ProvisionAsync(
            [.. devices.Select(d => new DeviceDraft(d.Thermometer.DeviceId, $"Simulated thermometer {d.Thermometer.DeviceId}", "thermometer", null, ["simulated"], null, null))],
            stoppingToken);

        var links = BuildLinks(devices, secrets);
        foreach (var link in links)
        {
            link.Client.ApplicationMessageReceivedAsync += e => OnMessageAsync(link, e, stoppingToken);
        }
        var connections = links
            .Select(link => new MqttConnectionKeeper(link.Name, link.Client, link.Options,
                (connected, ct) => OnConnectedAsync(connected, link.Devices, ct), _timeProvider, _logger).RunAsync(stoppingToken))
            .ToArray();
        try
        {
            await PublishReadingsAsync(links, realStart, simulatedStart, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        await Task.WhenAll(connections);
        await Task.WhenAll(links.Select(GoOfflineAsync));
        foreach (var link in links)
        {
            link.Client.Dispose();
        }
    }

    private Link[] BuildLinks(Device[] devices, IReadOnlyDictionary<string, string> secrets)
    {
        var factory = new MqttClientFactory();
        if (_mqtt.Mode == MqttMode.External)
        {
            var shared = BuildClientOptions(ClientId, _mqtt.Username, _mqtt.Password);
            return [new Link("Simulator", factory.CreateMqttClient(), shared, devices)];
        }
        return [.. devices.Select(d =>
        {
            var id = d.Thermometer.DeviceId;
            return new Link($"Simulator {id}", factory.CreateMqttClient(), BuildClientOptions($"{id}{DeviceClientId.Separator}simulator", id, secrets[id], d.StatusTopic), [d]);
        })];
    }

    private async Task PublishReadingsAsync(
        Link[] links, DateTimeOffset realStart, DateTimeOffset simulatedStart, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, _timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = _timeProvider.GetUtcNow();
            var simulatedNow = simulatedStart + ((now - realStart) * _options.TimeScale);
            foreach (var link in links)
            {
                if (link.Client.IsConnected)
                {
                    await PublishAsync(link, now, simulatedNow, cancellationToken);
                }
            }
        }
    }

    private async Task PublishAsync(Link link, DateTimeOffset now, DateTimeOffset simulatedNow, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var device in link.Devices)
            {
                var reading = device.Thermometer.Read(simulatedNow);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(device.TelemetryTopic)
                    .WithPayload(TelemetryPayload.Serialize(now, reading))
                    .Build();
                await link.Client.PublishAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection loop notices the outage and logs it once; the rooms keep
            // their simulated time and catch up on the next read.
            SimulatorLog.PublishFailed(_logger, ex);
        }
    }

    private MqttClientOptions BuildClientOptions(string clientId, string? username, string? password, string? willTopic = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(clientId)
            .WithTcpServer(_host, _mqtt.Port)
            // MQTT 5: commands carry a response topic and correlation data.
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (willTopic is not null)
        {
            builder.WithWillTopic(willTopic).WithWillPayload("offline"u8.ToArray()).WithWillRetain();
        }
        if (!string.IsNullOrEmpty(username))
        {
            builder.WithCredentials(username, password);
        }
        return builder.Build();
    }

    /// <summary>After every connect (the session is clean): listen for desired state and commands, say online, report the thermostat.</summary>
    private static async Task OnConnectedAsync(IMqttClient client, Device[] devices, CancellationToken cancellationToken)
    {
        foreach (var chunk in devices.Chunk(100))
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in chunk.SelectMany(d => ThermostatControl.Filters(d.Thermometer.DeviceId)))
            {
                subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
            }
            await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        }
        await AnnounceAsync(client, devices, "online", cancellationToken);
        foreach (var device in devices)
        {
            await client.PublishAsync(ThermostatControl.Report(device.Thermometer), cancellationToken);
        }
    }

    /// <remarks>
    /// The answers are published without being awaited here: a QoS 1 publish awaited inside MQTTnet's receive handler
    /// would wait for a PUBACK that the same (blocked) receive loop has to read.
    /// </remarks>
    private Task OnMessageAsync(Link link, MqttApplicationMessageReceivedEventArgs e, CancellationToken cancellationToken)
    {
        if (link.Find(e.ApplicationMessage.Topic) is { } device)
        {
            var answers = ThermostatControl.Handle(device.Thermometer, e.ApplicationMessage);
            if (answers.Count > 0)
            {
                _ = PublishAnswersAsync(link.Client, answers, cancellationToken);
            }
        }
        return Task.CompletedTask;
    }

    private async Task PublishAnswersAsync(IMqttClient client, IReadOnlyList<MqttApplicationMessage> answers, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var answer in answers)
            {
                await client.PublishAsync(answer, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            SimulatorLog.PublishFailed(_logger, ex);
        }
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

    private async Task GoOfflineAsync(Link link)
    {
        var (client, devices) = (link.Client, link.Devices);
        using var timeout = new CancellationTokenSource(OfflineAnnouncementTimeout, _timeProvider);
        try
        {
            // A ping cancelled by the shutdown can leave the client disconnected; the broker is usually still there.
            if (!client.IsConnected)
            {
                await client.ConnectAsync(link.Options, timeout.Token);
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

    /// <summary>One MQTT connection and the thermometers that publish through it.</summary>
    private sealed record Link(string Name, IMqttClient Client, MqttClientOptions Options, Device[] Devices)
    {
        private readonly Dictionary<string, Device> _byId = Devices.ToDictionary(d => d.Thermometer.DeviceId, StringComparer.Ordinal);

        /// <summary>The thermometer a devices/{id}/… topic is for.</summary>
        public Device? Find(string topic)
        {
            var parts = topic.Split('/', 3);
            return parts.Length == 3 && parts[0] == "devices" ? _byId.GetValueOrDefault(parts[1]) : null;
        }
    }

    private sealed class Device(SimulatedThermometer thermometer)
    {
        public SimulatedThermometer Thermometer { get; } = thermometer;

        public string TelemetryTopic { get; } = $"devices/{thermometer.DeviceId}/telemetry";

        public string StatusTopic { get; } = $"devices/{thermometer.DeviceId}/status";
    }
}
