using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Server;

namespace DigitalTwin.Tests.Simulation;

/// <summary>The simulator against a real in-process MQTTnet broker and a real subscriber.</summary>
public sealed class ThermometerSimulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly int _port = FreePort.Tcp();
    private readonly ConcurrentQueue<(string Topic, string Payload, bool Retained)> _received = new();
    private readonly List<IMqttClient> _subscribers = [];
    private readonly CapturingLogger<ThermometerSimulator> _logger = new();
    private MqttServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _subscribers.ForEach(s => s.Dispose());
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
        }
    }

    [Fact]
    public async Task ExecuteAsync_TwoDevices_PublishTelemetryJsonForEach()
    {
        await StartBrokerAsync();
        await SubscribeAsync();
        using var simulator = CreateSimulator(count: 2);

        await simulator.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => TelemetryFrom("thermo-1").Count >= 3 && TelemetryFrom("thermo-2").Count >= 3);
        await simulator.StopAsync(CancellationToken.None);

        foreach (var deviceId in new[] { "thermo-1", "thermo-2" })
        {
            var payloads = TelemetryFrom(deviceId);
            Assert.InRange(payloads.Count, 3, 40);
            Assert.All(payloads, AssertTelemetry);
        }
        Assert.DoesNotContain(_received, m => m.Topic.StartsWith("devices/thermo-3/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_Connected_RetainsOnlineStatusForLateSubscribers()
    {
        await StartBrokerAsync();
        await SubscribeAsync();
        using var simulator = CreateSimulator(count: 2);
        await simulator.StartAsync(CancellationToken.None);
        await WaitForAsync(() => Statuses("online").Count == 2);

        _received.Clear();
        await SubscribeAsync();
        await WaitForAsync(() => Statuses("online").Count == 2);
        await simulator.StopAsync(CancellationToken.None);

        Assert.All(_received.Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Payload == "online"), m => Assert.True(m.Retained));
    }

    [Fact]
    public async Task StopAsync_Connected_AnnouncesOfflineForEveryDevice()
    {
        await StartBrokerAsync();
        await SubscribeAsync();
        using var simulator = CreateSimulator(count: 2);
        await simulator.StartAsync(CancellationToken.None);
        await WaitForAsync(() => Statuses("online").Count == 2);

        await simulator.StopAsync(CancellationToken.None);
        await WaitForAsync(() => Statuses("offline").Count == 2);

        Assert.Equal(["devices/thermo-1/status", "devices/thermo-2/status"], Statuses("offline").Order());
    }

    [Fact]
    public async Task ExecuteAsync_BrokerStartsLater_ConnectsAndWarnsOnce()
    {
        using var simulator = CreateSimulator(count: 1);
        await simulator.StartAsync(CancellationToken.None);
        // Long enough for several failed attempts (250 ms, 500 ms, 1 s back-off).
        await Task.Delay(TimeSpan.FromMilliseconds(1200));

        await StartBrokerAsync();
        await SubscribeAsync();
        await WaitForAsync(() => TelemetryFrom("thermo-1").Count >= 2);
        await simulator.StopAsync(CancellationToken.None);

        Assert.All(TelemetryFrom("thermo-1"), AssertTelemetry);
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("reconnected", StringComparison.Ordinal));
    }

    private static void AssertTelemetry(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        var ts = DateTimeOffset.Parse(root.GetProperty("ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ts, DateTimeOffset.UtcNow - Patience - TimeSpan.FromSeconds(5), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        Assert.True(double.IsFinite(root.GetProperty("temperature").GetDouble()));
        Assert.InRange(root.GetProperty("temperature").GetDouble(), 0.0, 40.0);
        Assert.InRange(root.GetProperty("humidity").GetDouble(), 0.0, 100.0);
    }

    private List<string> TelemetryFrom(string deviceId) =>
        [.. _received.Where(m => m.Topic == $"devices/{deviceId}/telemetry").Select(m => m.Payload)];

    private List<string> Statuses(string status) =>
        [.. _received.Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Payload == status).Select(m => m.Topic)];

    private ThermometerSimulator CreateSimulator(int count) => new(
        Options.Create(new SimulatorOptions { Count = count, Interval = TimeSpan.FromMilliseconds(100) }),
        Options.Create(new MqttOptions { Mode = MqttMode.Embedded, Port = _port }),
        new SecretsInMemory(),
        TimeProvider.System,
        _logger);

    private async Task StartBrokerAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithDefaultEndpointPort(_port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        await _server.StartAsync();
    }

    private async Task SubscribeAsync()
    {
        var subscriber = new MqttClientFactory().CreateMqttClient();
        _subscribers.Add(subscriber);
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _received.Enqueue((message.Topic, message.ConvertPayloadToString(), message.Retain));
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).Build());
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("devices/+/telemetry")
            .WithTopicFilter("devices/+/status")
            .Build());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(condition(), "Timed out waiting for MQTT messages.");
    }

    /// <summary>This test broker accepts any client; the simulator's registration is tested against the app.</summary>
    private sealed class SecretsInMemory : IDeviceProvisioner
    {
        public Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<DeviceDraft> drafts, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(drafts.ToDictionary(d => d.Id!, _ => DeviceSecret.Generate()));
    }
}
