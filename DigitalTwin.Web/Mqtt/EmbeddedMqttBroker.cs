using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// The MQTTnet broker devices connect to. Telemetry publishes are taken straight from the broker's
/// publish pipeline (no extra subscriber hop); awaiting the bounded queue there is the back-pressure:
/// a publisher's connection is not read further until its message is queued.
/// Devices connect with username = device id and password = secret, and a client id bound to the device
/// (<see cref="DeviceClientId"/>); they may publish only to their own topics. Limits apply before trust
/// (<see cref="GuardedServerAdapter"/>); a refused publish is never acknowledged as taken (<see cref="PublishRefusal"/>).
/// Connects, disconnects (clean or lost) and status messages on devices/{id}/status set the twin's status; messages
/// on devices/{id}/reported change the device's reported document, and the app publishes the desired one
/// (<see cref="DesiredDownlink"/>), which devices may not. Commands go the same way: the app publishes requests on
/// devices/{id}/commands/{name} (devices may not), the device's PUBACK marks them delivered, and answers on
/// devices/{id}/commands/{name}/response go to the <see cref="CommandDispatcher"/>.
/// </summary>
public sealed partial class EmbeddedMqttBroker(
    IOptions<MqttOptions> options, TelemetryIngestor ingestor, DeviceAuthenticator authenticator, DeviceDirectory directory,
    TwinStatusReporter status, TwinPropertyStore properties, DesiredDownlink desired, CommandDispatcher commands, ConnectionGate gate, BrokerRefusals refusals,
    ILogger<EmbeddedMqttBroker> logger)
    : IHostedService, IDisposable
{
    /// <summary>Marks the app's own publishes (the desired documents): their session holds this key, no device's can.</summary>
    private static readonly object AppSessionKey = new();
    private readonly Dictionary<object, object> _appSession = new() { [AppSessionKey] = true };
    /// <summary>Which device each connected client authenticated as, to close its connection when its credentials go.</summary>
    private readonly ConcurrentDictionary<string, string> _deviceByClient = new(StringComparer.Ordinal);
    private MqttServer? _server;
    private X509Certificate2? _certificate;
    private IDisposable? _directorySubscription;

    public MqttServer Server => _server ?? throw new InvalidOperationException("The broker has not started.");

    /// <summary>Started and not stopped: devices can connect (for /health/ready).</summary>
    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _certificate = settings.Tls.Enabled ? ServerCertificate.Load(settings.Tls) : null;
        // The adapter listens (plain and TLS); MQTTnet's own endpoints are not used.
        var adapter = new GuardedServerAdapter(settings, _certificate, gate, refusals, logger);
        _server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().Build(), [adapter]);
        _server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        _server.InterceptingPublishAsync += OnPublishAsync;
        _server.InterceptingSubscriptionAsync += OnSubscribingAsync;
        _server.ClientConnectedAsync += OnConnectedAsync;
        _server.ClientDisconnectedAsync += OnDisconnectedAsync;
        _server.ClientAcknowledgedPublishPacketAsync += OnAcknowledgedAsync;
        _directorySubscription = directory.Subscribe(OnDeviceChanged);
        await _server.StartAsync();
        // Retained messages live in the broker's memory: the stored desired documents are published again at each start.
        desired.Start(InjectAsync);
        commands.Start(InjectAsync, deviceId => _deviceByClient.Values.Contains(deviceId, StringComparer.Ordinal));
        await desired.RepublishAsync(cancellationToken);
        if (settings.AllowPlainText)
        {
            LogStarted(settings.BindAddress, settings.Port, "plain text");
        }
        if (_certificate is not null)
        {
            LogStarted(settings.BindAddress, settings.Tls.Port, "TLS");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only: a host can be stopped twice at once (WebApplicationFactory stops it while the app's own
        // Run() does too) and disposed meanwhile, and MQTTnet's listener cleanup is not thread-safe.
        Interlocked.Exchange(ref _directorySubscription, null)?.Dispose();
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.StopAsync();
            server.Dispose();
        }
        Interlocked.Exchange(ref _certificate, null)?.Dispose();
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _directorySubscription, null)?.Dispose();
        Interlocked.Exchange(ref _server, null)?.Dispose();
        Interlocked.Exchange(ref _certificate, null)?.Dispose();
    }

    /// <summary>A message from the app itself, delivered to subscribers and kept if retained, as if a client had published it.</summary>
    private async Task InjectAsync(MQTTnet.MqttApplicationMessage message)
    {
        if (_server is { } server)
        {
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)
            {
                SenderClientId = "digitaltwin",
                CustomSessionItems = _appSession,
            });
        }
    }

    /// <summary>A device's PUBACK of a command request: delivered.</summary>
    private Task OnAcknowledgedAsync(ClientAcknowledgedPublishPacketEventArgs e)
    {
        if (e.PublishPacket.CorrelationData is { Length: > 0 } correlation && CommandTopics.IsRequest(e.PublishPacket.Topic))
        {
            commands.Delivered(correlation);
        }
        return Task.CompletedTask;
    }

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        PublishRefusal.RememberProtocol(e);
        if (e.ClientId.Length > options.Value.MaxClientIdLength)
        {
            RefuseClientId(e, $"a client id of {e.ClientId.Length:N0} characters (at most {options.Value.MaxClientIdLength}, Mqtt:MaxClientIdLength)");
        }
        else if (authenticator.Authenticate(e.UserName, e.Password) is { } refusal)
        {
            // MQTT 5's codes: a wrong or unknown identity is "bad user name or password"; a known device that
            // may not connect (revoked, or never given a secret) is "not authorized".
            e.ReasonCode = refusal is CredentialRefusal.Revoked or CredentialRefusal.NoSecret
                ? MqttConnectReasonCode.NotAuthorized
                : MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefused(e.ClientId, e.UserName, refusal);
        }
        else
        {
            BindClientId(e);
        }
        return Task.CompletedTask;
    }

    /// <summary>A device's client id is its own (<see cref="DeviceClientId"/>), so it cannot end another device's session.</summary>
    private void BindClientId(ValidatingConnectionEventArgs e)
    {
        var clientId = e.ClientId;
        if (clientId.Length == 0 && !string.IsNullOrEmpty(e.UserName) && e.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500)
        {
            clientId = e.AssignedClientIdentifier = DeviceClientId.Assign(e.UserName);
        }
        if (clientId.Length > 0 && !authenticator.MayUseClientId(e.UserName, clientId))
        {
            RefuseClientId(e, $"client id '{clientId}' is not device '{e.UserName}''s own (its id, or its id, '@' and a suffix)");
        }
        else if (!string.IsNullOrEmpty(e.UserName))
        {
            _deviceByClient[clientId] = e.UserName;
        }
    }

    private void RefuseClientId(ValidatingConnectionEventArgs e, string detail)
    {
        e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
        refusals.Report(BrokerRefusal.ClientId, e.RemoteEndPoint, detail);
    }

    private Task OnConnectedAsync(ClientConnectedEventArgs e) =>
        _deviceByClient.TryGetValue(e.ClientId, out var deviceId)
            ? status.ReportAsync(deviceId, DeviceStatus.Online, StatusReason.Connected)
            : Task.CompletedTask;

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        // On a takeover the entry already belongs to the new connection with the same client id.
        if (e.DisconnectType == MqttClientDisconnectType.Takeover || !_deviceByClient.TryRemove(e.ClientId, out var deviceId))
        {
            return Task.CompletedTask;
        }
        var reason = e.DisconnectType == MqttClientDisconnectType.Clean ? StatusReason.Disconnected : StatusReason.ConnectionLost;
        return status.ReportAsync(deviceId, DeviceStatus.Offline, reason);
    }

    /// <summary>A rotated, revoked or deleted device's open connections are closed: old credentials stop working at once.</summary>
    private void OnDeviceChanged(DeviceChange change)
    {
        if (!change.InvalidatesCredentials || _server is not { } server)
        {
            return;
        }
        foreach (var (clientId, _) in _deviceByClient.Where(c => c.Value == change.DeviceId))
        {
            _ = DisconnectAsync(server, clientId);
        }
    }

    private async Task DisconnectAsync(MqttServer server, string clientId)
    {
        try
        {
            await server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
        }
        catch (Exception ex)
        {
            // Gone already, or the broker is stopping: either way the connection is closed.
            LogDisconnectFailed(ex, clientId);
        }
    }

    private Task OnSubscribingAsync(InterceptingSubscriptionEventArgs e)
    {
        if (!authenticator.MaySubscribe(e.UserName, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }
        return Task.CompletedTask;
    }

    /// <remarks>
    /// The broker sends a QoS 1 publish's PUBACK only after this returns, so waiting for the commit here means
    /// an acknowledged reading is in history: a crash right after the ack loses nothing. The group commit of
    /// the history writer keeps the wait short, and devices publishing at once share one commit.
    /// </remarks>
    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (e.SessionItems.Contains(AppSessionKey))
        {
            return;
        }
        if (!authenticator.MayPublish(e.UserName, message.Topic))
        {
            // MQTT 5 publishers learn why from the PUBACK and keep the connection.
            PublishRefusal.Refuse(e, MqttPubAckReasonCode.NotAuthorized, "A device publishes only to its own devices/{id}/… topics.", refusals);
            return;
        }
        if (TwinPropertyTopics.IsDesired(message.Topic))
        {
            PublishRefusal.Refuse(e, MqttPubAckReasonCode.NotAuthorized, "devices/{id}/desired is the app's: a device reports on devices/{id}/reported.", refusals);
        }
        else if (CommandTopics.IsRequest(message.Topic))
        {
            PublishRefusal.Refuse(e, MqttPubAckReasonCode.NotAuthorized, "devices/{id}/commands/{name} is the app's: a device answers on …/{name}/response.", refusals);
        }
        else if (CommandTopics.TryParseResponse(message.Topic, out var answeringDevice, out _))
        {
            await commands.OnResponseAsync(answeringDevice, message);
        }
        else if (TwinPropertyTopics.TryParseReported(message.Topic, out var reportedDevice))
        {
            // Not telemetry: a refused report is counted by the twin properties' own counter, not as bad telemetry.
            if (await properties.ReportAsync(reportedDevice, message.Payload, e.CancellationToken) is { } error)
            {
                PublishRefusal.Refuse(e, MqttPubAckReasonCode.PayloadFormatInvalid, error, refusals);
            }
        }
        else if (StatusTopic.TryParse(message.Topic, out var statusDevice))
        {
            await OnStatusAsync(e, statusDevice);
        }
        else if (TelemetryTopic.TryParse(message.Topic, out var deviceId))
        {
            var result = await ingestor.IngestAsync(IngestSource.Mqtt, deviceId, message.Payload, e.CancellationToken);
            if (!result.IsAccepted)
            {
                PublishRefusal.Refuse(e, PublishRefusal.CodeFor(result.Reason!.Value), $"{result.Reason}: {result.Detail}", refusals);
            }
            else if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
            {
                await ingestor.WhenCommittedAsync(result).WaitAsync(e.CancellationToken);
            }
        }
    }

    /// <remarks>
    /// Also the last will of a device whose connection dropped: MQTTnet publishes it through this pipeline after the
    /// connection's receive loop has ended, with no cancellation token (a device's own publish carries its
    /// connection's). Checked by DeviceStatusTests: the twin never reads "device reported offline" on a dropped
    /// connection.
    /// </remarks>
    private async Task OnStatusAsync(InterceptingPublishEventArgs e, string deviceId)
    {
        var lastWill = !e.CancellationToken.CanBeCanceled;
        if (!await status.ReportMessageAsync(deviceId, e.ApplicationMessage.Payload, lastWill))
        {
            // Not telemetry, so not counted as refused telemetry.
            PublishRefusal.Refuse(e, MqttPubAckReasonCode.PayloadFormatInvalid, "A status payload is 'online' or 'offline'.", refusals);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing MQTT client {ClientId} after its credentials changed failed")]
    private partial void LogDisconnectFailed(Exception exception, string clientId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT connect refused: client {ClientId}, user {UserName}: {Reason}")]
    private partial void LogRefused(string clientId, string? userName, CredentialRefusal reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} ({Transport})")]
    private partial void LogStarted(string address, int port, string transport);
}
