using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>A real MQTTnet 5 client, as a device would use, connected to a broker on 127.0.0.1.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttTestClient(IMqttClient client) => _client = client;

    /// <param name="willTopic">When set, the connection's last will publishes <c>offline</c> there.</param>
    public static async Task<MqttTestClient> ConnectAsync(int port, string? clientId = null, string? username = null, string? password = null, string? willTopic = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await client.ConnectAsync(Options(port, clientId, username, password, willTopic), timeout.Token);
            return new MqttTestClient(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects and returns the broker's CONNACK reason code (MQTT 5), whether accepted or refused.</summary>
    public static async Task<MqttClientConnectResultCode> TryConnectAsync(int port, string? username, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var result = await client.ConnectAsync(Options(port, null, username, password), timeout.Token);
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }
        return result.ResultCode;
    }

    private static MqttClientOptions Options(int port, string? clientId, string? username, string? password, string? willTopic = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N"))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (username is not null)
        {
            builder.WithCredentials(username, password);
        }
        if (willTopic is not null)
        {
            builder.WithWillTopic(willTopic).WithWillPayload("offline"u8.ToArray());
        }
        return builder.Build();
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Publishes with QoS 1 and waits for the broker's acknowledgement.</summary>
    public Task PublishAsync(string topic, string payload) => PublishAsync(topic, Encoding.UTF8.GetBytes(payload));

    /// <summary>Publishes with QoS 1 and returns the broker's PUBACK reason code, whether accepted or refused.</summary>
    public async Task<MqttClientPublishReasonCode> TryPublishAsync(string topic, string payload) =>
        (await PublishQoS1Async(topic, Encoding.UTF8.GetBytes(payload))).ReasonCode;

    /// <summary>Drops the connection without a DISCONNECT, as a crashed device or a lost network would.</summary>
    public void Drop() => _client.Dispose();

    public async Task PublishAsync(string topic, byte[] payload)
    {
        var result = await PublishQoS1Async(topic, payload);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Publishing to {topic} failed: {result.ReasonCode} {result.ReasonString}");
        }
    }

    private async Task<MqttClientPublishResult> PublishQoS1Async(string topic, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _client.PublishAsync(message, timeout.Token);
    }

    /// <summary>Subscribes and returns the broker's granted (or refusal) code for the filter.</summary>
    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string topicFilter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter).Build(), timeout.Token);
        return result.Items.Single().ResultCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }
        _client.Dispose();
    }
}
