using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
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
/// Status messages (devices/{id}/status: online / offline, typically a last will) set the twin's status; reported
/// documents arrive on devices/+/reported, and this client publishes the desired ones (<see cref="DesiredDownlink"/>).
/// Commands go out on devices/{id}/commands/{name} (delivered = the broker's PUBACK) and their answers come back on
/// devices/+/commands/+/response (<see cref="CommandDispatcher"/>).
/// The external broker's ACLs must let the app's user publish devices/+/desired and devices/+/commands/+ and keep devices off them.
/// </summary>
public sealed partial class ExternalMqttIngest(
    IOptions<MqttOptions> options, TelemetryIngestor ingestor, TwinStatusReporter status, TwinPropertyStore properties, DesiredDownlink desired, CommandDispatcher commands,
    TimeProvider time, ILogger<ExternalMqttIngest> logger)
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
        desired.Start(message => client.PublishAsync(message, stoppingToken));
        commands.Start(async message =>
        {
            if ((await client.PublishAsync(message, stoppingToken)).IsSuccess)
            {
                commands.Delivered(message.CorrelationData);
            }
        });
        var keeper = new MqttConnectionKeeper("Telemetry ingest", client, ClientOptions(settings), SubscribeAsync, time, logger);
        await keeper.RunAsync(stoppingToken);
        if (client.IsConnected)
        {
            // A normal disconnect keeps the session (and what the broker queues for it) until it expires.
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
    }

    /// <summary>
    /// Cluster mode: stands in for an instance declared dead. Connecting with its client id resumes its broker session
    /// (its shared subscription and what the broker queued for it), which is processed and acknowledged like this
    /// instance's own, until that instance comes back and takes its session over.
    /// </summary>
    public async Task StandInAsync(string clientId, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            taken.TrySetResult();
            return Task.CompletedTask;
        };
        var connected = await client.ConnectAsync(ClientOptions(options.Value, clientId), cancellationToken);
        if (!connected.IsSessionPresent)
        {
            // Nothing was kept for it (its session expired): end the empty session this connection made.
            await client.DisconnectAsync(new MqttClientDisconnectOptions { SessionExpiryInterval = 0 }, CancellationToken.None);
            return;
        }
        LogStandingIn(clientId);
        try
        {
            await taken.Task.WaitAsync(cancellationToken);
            LogStandInEnded(clientId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the session stays for its owner.
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
    }

    private static MqttClientOptions ClientOptions(MqttOptions settings, string? clientId = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(clientId ?? settings.ClientId)
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
        var group = options.Value.SharedGroup;
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Shared(group, TelemetryTopic.Filter), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Shared(group, StatusTopic.Filter), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Shared(group, TwinPropertyTopics.ReportedFilter), MqttQualityOfServiceLevel.AtLeastOnce)
            // Not shared: the instance that sent a command waits for its answer, and the others ignore it.
            .WithTopicFilter(CommandTopics.ResponseFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        _subscribed = true;
        // Retained on the broker already, unless it lost them (restarted without persistence): publishing again is harmless.
        await desired.RepublishAsync(cancellationToken);
    }

    /// <summary>With a group, each message goes to one of the group's subscribers (MQTT 5 shared subscription).</summary>
    internal static string Shared(string? group, string filter) => string.IsNullOrWhiteSpace(group) ? filter : $"$share/{group}/{filter}";

    /// <remarks>
    /// Acknowledged only once the readings are committed to history, without holding up the next message:
    /// the broker's in-flight window (mosquitto's max_inflight_messages) is the sliding window of unacknowledged work.
    /// </remarks>
    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (StatusTopic.TryParse(e.ApplicationMessage.Topic, out var statusDevice))
        {
            // Unreadable status payloads are dropped (acknowledged): not telemetry, and redelivery would not fix them.
            await status.ReportMessageAsync(statusDevice, e.ApplicationMessage.Payload);
            return;
        }
        if (TwinPropertyTopics.TryParseReported(e.ApplicationMessage.Topic, out var reportedDevice))
        {
            // Refusals are counted by the store; acknowledged, since redelivery would not fix them.
            await properties.ReportAsync(reportedDevice, e.ApplicationMessage.Payload);
            return;
        }
        if (CommandTopics.TryParseResponse(e.ApplicationMessage.Topic, out var answeringDevice, out _))
        {
            await commands.OnResponseAsync(answeringDevice, e.ApplicationMessage);
            return;
        }
        e.AutoAcknowledge = false;
        // Refused messages are acknowledged too: they are counted and logged, and redelivery would not fix them.
        var committed = TelemetryTopic.TryParse(e.ApplicationMessage.Topic, out var deviceId)
            ? ingestor.WhenCommittedAsync(await ingestor.IngestAsync(IngestSource.Mqtt, deviceId, e.ApplicationMessage.Payload, CancellationToken.None))
            : Task.CompletedTask;
        _ = AcknowledgeWhenCommittedAsync(e, committed);
    }

    private async Task AcknowledgeWhenCommittedAsync(MqttApplicationMessageReceivedEventArgs e, Task committed)
    {
        try
        {
            await committed;
            await e.AcknowledgeAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The connection went away before the ack: the persistent session makes the broker deliver it again.
            LogAckFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standing in for {ClientId}, declared dead: processing its broker session until it comes back")]
    private partial void LogStandingIn(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No longer standing in for {ClientId}: it took its session back")]
    private partial void LogStandInEnded(string clientId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not acknowledge a telemetry message; the broker will redeliver it")]
    private partial void LogAckFailed(Exception exception);
}
