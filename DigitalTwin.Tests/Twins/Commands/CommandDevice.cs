using System.Collections.Concurrent;
using System.Text;
using DigitalTwin.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Tests.Twins.Commands;

/// <summary>
/// A device, as a real MQTT 5 client on the app's broker, that subscribes (QoS 1) to its commands and answers each
/// on the request's response topic with its correlation data, as <see cref="Answer"/> says (null: no answer).
/// </summary>
internal sealed class CommandDevice : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<MqttApplicationMessage> _requests = new();

    private CommandDevice(IMqttClient client) => _client = client;

    /// <summary>What to answer to a request (its payload as text): the payload and an optional "status" user property.</summary>
    public Func<string, (string Payload, string? Status)?> Answer { get; set; } = payload => ($$"""{"status":"succeeded","echo":{{payload}}}""", null);

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<MqttApplicationMessage> Requests => [.. _requests];

    public static async Task<CommandDevice> ConnectAsync(DigitalTwinAppFactory app, string deviceId)
    {
        var secret = await app.EnsureDeviceAsync(deviceId);
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new CommandDevice(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            device.OnRequest(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await client.ConnectAsync(MqttTestClient.Options(app.MqttPort, null, deviceId, secret), timeout.Token);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"devices/{deviceId}/commands/+", MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        return device;
    }

    /// <summary>Publishes as this device (QoS 1) and returns the broker's reason code.</summary>
    public async Task<MqttClientPublishReasonCode> TryPublishAsync(string topic, string payload) =>
        (await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build())).ReasonCode;

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }
        _client.Dispose();
    }

    private void OnRequest(MqttApplicationMessage request)
    {
        _requests.Enqueue(request);
        if (Answer(request.ConvertPayloadToString()) is not { } answer)
        {
            return;
        }
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(request.ResponseTopic)
            .WithPayload(Encoding.UTF8.GetBytes(answer.Payload))
            .WithCorrelationData(request.CorrelationData)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (answer.Status is { } status)
        {
            builder.WithUserProperty("status", Encoding.UTF8.GetBytes(status).AsMemory());
        }
        // Not awaited in the receive handler: its PUBACK is read by the same loop.
        _ = _client.PublishAsync(builder.Build());
    }
}
