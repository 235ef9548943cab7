using DigitalTwin.Core.Mqtt;
using System.Net;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// The MQTTnet broker devices connect to. Telemetry publishes are taken straight from the broker's
/// publish pipeline (no extra subscriber hop); awaiting the bounded queue there is the back-pressure:
/// a publisher's connection is not read further until its message is queued.
/// </summary>
public sealed partial class EmbeddedMqttBroker(IOptions<MqttOptions> options, TelemetryIngestor ingestor, ILogger<EmbeddedMqttBroker> logger)
    : IHostedService, IDisposable
{
    private MqttServer? _server;

    public MqttServer Server => _server ?? throw new InvalidOperationException("The broker has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = IPAddress.Parse(settings.BindAddress);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(settings.Port)
            .WithDefaultEndpointBoundIPAddress(address)
            // MQTTnet also listens on [::] unless told otherwise; keep IPv6 to the matching scope.
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IsLoopback(address) ? IPAddress.IPv6Loopback : IPAddress.IPv6Any)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.InterceptingPublishAsync += OnPublishAsync;
        await _server.StartAsync();
        LogStarted(settings.BindAddress, settings.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only: a host can be stopped twice at once (WebApplicationFactory stops it while the app's own
        // Run() does too) and disposed meanwhile, and MQTTnet's listener cleanup is not thread-safe.
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.StopAsync();
            server.Dispose();
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _server, null)?.Dispose();

    /// <remarks>
    /// The broker sends a QoS 1 publish's PUBACK only after this returns, so waiting for the commit here means
    /// an acknowledged reading is in history: a crash right after the ack loses nothing. The group commit of
    /// the history writer keeps the wait short, and devices publishing at once share one commit.
    /// </remarks>
    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (TelemetryTopic.TryParse(message.Topic, out var deviceId))
        {
            var result = await ingestor.IngestAsync(IngestSource.Mqtt, deviceId, message.Payload, e.CancellationToken);
            if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
            {
                await ingestor.WhenCommittedAsync(result).WaitAsync(e.CancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    private partial void LogStarted(string address, int port);
}
