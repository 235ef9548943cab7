using MQTTnet;

namespace DigitalTwin.Bench;

/// <summary>The benchmark's MQTT clients: plain TCP connections to the embedded broker.</summary>
internal static class MqttConnections
{
    private static readonly MqttClientFactory Factory = new();

    public static async Task<IMqttClient> ConnectAsync(int port, string clientId)
    {
        var client = Factory.CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        await client.ConnectAsync(options);
        return client;
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
