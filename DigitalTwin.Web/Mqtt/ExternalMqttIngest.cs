using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// External-broker mode (mosquitto, EMQX): subscribes to device telemetry with a persistent MQTT 5 session,
/// so QoS 1 messages published while the app is down or reconnecting are kept by the broker and delivered
/// when it is back. A message is acknowledged only after ingest has queued it: when the queue is full the
/// handler waits, the broker stops sending (its in-flight window fills) and keeps the rest queued.
/// Device secrets cannot be checked here: the external broker authenticates devices (its password file and
/// ACLs). Ingest still refuses devices missing from the registry unless Devices:AllowAutoRegistration is on.
/// </summary>
public sealed class ExternalMqttIngest(IOptions<MqttOptions> options, TelemetryIngestor ingestor, TimeProvider time, ILogger<ExternalMqttIngest> logger)
    : BackgroundService
{
    private volatile bool _subscribed;

    /// <summary>Connected and subscribed: telemetry flows (for diagnostics and tests).</summary>
    public bool IsSubscribed => _subscribed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += _ =>
        {
            _subscribed = false;
            return Task.CompletedTask;
        };
        var keeper = new MqttConnectionKeeper("Telemetry ingest", client, ClientOptions(settings), SubscribeAsync, time, logger);
        await keeper.RunAsync(stoppingToken);
        if (client.IsConnected)
        {
            // A normal disconnect keeps the session (and what the broker queues for it) until it expires.
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
    }

    private static MqttClientOptions ClientOptions(MqttOptions settings)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Math.Min(uint.MaxValue, settings.SessionExpiry.TotalSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder.WithCredentials(settings.Username, settings.Password);
        }
        return builder.Build();
    }

    /// <remarks>After every connect: on a resumed session the subscription already exists, and subscribing again is harmless.</remarks>
    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(TelemetryTopic.Filter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        _subscribed = true;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (TelemetryTopic.TryParse(e.ApplicationMessage.Topic, out var deviceId))
        {
            // Refused messages are acknowledged too: they are counted and logged, and redelivery would not fix them.
            await ingestor.IngestAsync(IngestSource.Mqtt, deviceId, e.ApplicationMessage.Payload, CancellationToken.None);
        }
    }
}
