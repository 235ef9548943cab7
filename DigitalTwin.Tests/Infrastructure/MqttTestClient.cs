using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>A real MQTTnet 5 client, as a device would use, connected to a broker on 127.0.0.1.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly System.Collections.Concurrent.ConcurrentQueue<ReceivedMessage> _received = new();

    private MqttTestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            // Copied: the payload's buffer is not ours after the handler returns.
            _received.Enqueue(new ReceivedMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    /// <summary>Messages received on this client's subscriptions, in arrival order.</summary>
    public IReadOnlyList<ReceivedMessage> Received => [.. _received];

    /// <param name="willTopic">When set, the connection's last will publishes <c>offline</c> there.</param>
    public static Task<MqttTestClient> ConnectAsync(int port, string? clientId = null, string? username = null, string? password = null, string? willTopic = null) =>
        ConnectAsync(Options(port, clientId, username, password, willTopic));

    /// <summary>Connects with options a test built (e.g. over TLS, or speaking MQTT 3.1.1).</summary>
    public static async Task<MqttTestClient> ConnectAsync(MqttClientOptions options)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await client.ConnectAsync(options, timeout.Token);
            return new MqttTestClient(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects and returns the broker's CONNACK reason code (MQTT 5), whether accepted or refused.</summary>
    public static async Task<MqttClientConnectResultCode> TryConnectAsync(int port, string? username, string? password, string? clientId = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var result = await client.ConnectAsync(Options(port, clientId, username, password), timeout.Token);
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }
        return result.ResultCode;
    }

    /// <summary>
    /// The options <see cref="ConnectAsync(int, string?, string?, string?, string?)"/> uses, for a test to change (TLS, protocol).
    /// A device's default client id is its id with a unique '@' suffix: the broker binds client ids to the device.
    /// </summary>
    public static MqttClientOptions Options(int port, string? clientId, string? username, string? password, string? willTopic = null) =>
        Builder(port, clientId, username, password, willTopic).Build();

    public static MqttClientOptionsBuilder Builder(int port, string? clientId, string? username, string? password, string? willTopic = null)
    {
        var unique = Guid.NewGuid().ToString("N");
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId ?? (username is null ? "test-" + unique : $"{username}@{unique}"))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (username is not null)
        {
            builder.WithCredentials(username, password);
        }
        if (willTopic is not null)
        {
            builder.WithWillTopic(willTopic).WithWillPayload("offline"u8.ToArray());
        }
        return builder;
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Publishes with QoS 1 and waits for the broker's acknowledgement.</summary>
    public Task PublishAsync(string topic, string payload) => PublishAsync(topic, Encoding.UTF8.GetBytes(payload));

    /// <summary>Publishes with QoS 1 and returns the broker's PUBACK reason code, whether accepted or refused.</summary>
    public Task<MqttClientPublishReasonCode> TryPublishAsync(string topic, string payload) => TryPublishAsync(topic, Encoding.UTF8.GetBytes(payload));

    /// <inheritdoc cref="TryPublishAsync(string, string)"/>
    public async Task<MqttClientPublishReasonCode> TryPublishAsync(string topic, byte[] payload) =>
        (await PublishQoS1Async(topic, payload)).ReasonCode;

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

/// <summary>A message a test client received: its topic, UTF-8 payload, and whether the broker sent it as retained.</summary>
public sealed record ReceivedMessage(string Topic, string Payload, bool Retain);
