using MQTTnet;

namespace DigitalTwin.Bench;

/// <summary>The benchmark's MQTT clients: plain TCP connections to the embedded broker.</summary>
internal static class MqttConnections
{
    private static readonly MqttClientFactory Factory = new();

    /// <param name="secret">With a secret the client connects as device <paramref name="clientId"/>, as a registered device does.</param>
    public static async Task<IMqttClient> ConnectAsync(int port, string clientId, string? secret = null)
    {
        var client = Factory.CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (secret is not null)
        {
            builder.WithCredentials(clientId, secret);
        }
        var result = await client.ConnectAsync(builder.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{clientId} could not connect: {result.ResultCode}");
        }
        return client;
    }

    /// <summary>One connection per device with its id and secret, a few hundred connects at a time.</summary>
    public static async Task<IMqttClient[]> ConnectDevicesAsync(int port, IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> secrets)
    {
        var clients = new List<IMqttClient>(ids.Count);
        foreach (var chunk in ids.Chunk(200))
        {
            clients.AddRange(await Task.WhenAll(chunk.Select(id => ConnectAsync(port, id, secrets[id]))));
        }
        return [.. clients];
    }

    public static async Task<IMqttClient[]> ConnectManyAsync(int port, string prefix, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => ConnectAsync(port, $"{prefix}-{i}")));

    public static Task SubscribeAsync(IMqttClient client, string filter) =>
        client.SubscribeAsync(Factory.CreateSubscribeOptionsBuilder().WithTopicFilter(filter).Build());

    public static async Task DisconnectAllAsync(IEnumerable<IMqttClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions());
            client.Dispose();
        }
    }
}
