using System.Diagnostics;
using System.Text.RegularExpressions;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Hostile;

/// <summary>Issue 16: clients that lie in, or never finish, their CONNECT meet limits before anything is trusted.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileConnectTests(HostileAppFixture fixture, ITestOutputHelper output) : IClassFixture<HostileAppFixture>
{
    private const int Announced = 200_000_000;
    private readonly DigitalTwinAppFactory _app = fixture.App;

    private BrokerRefusals Refusals => _app.Services.GetRequiredService<BrokerRefusals>();

    [Fact]
    public async Task Connect_FiveHeadersAnnouncing200MB_ClosedWithoutBuffering()
    {
        var refusedBefore = Refusals.Count(BrokerRefusal.MaxPacketSize);
        var before = SettledMemory();
        var sockets = new List<RawMqttSocket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var socket = await RawMqttSocket.ConnectAsync(_app.MqttPort);
                sockets.Add(socket);
                await socket.SendAsync([.. RawMqttSocket.ConnectHeader(Announced), 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05]);
            }
            // Give the broker time to read the headers (and, unguarded, to allocate what they announce).
            await Task.Delay(TimeSpan.FromSeconds(1));
            var after = SettledMemory();
            output.WriteLine($"Managed heap {before.Heap / 1_048_576} MB → {after.Heap / 1_048_576} MB; working set {before.WorkingSet / 1_048_576} MB → {after.WorkingSet / 1_048_576} MB");

            Assert.True(after.Heap - before.Heap < 50_000_000, $"The managed heap grew by {(after.Heap - before.Heap) / 1_048_576} MB.");
            foreach (var socket in sockets)
            {
                Assert.True(await socket.IsClosedWithinAsync(TimeSpan.FromSeconds(5)), "A connection announcing 200 MB was kept open.");
            }
            Assert.Equal(refusedBefore + 5, Refusals.Count(BrokerRefusal.MaxPacketSize));
            var metrics = await _app.Http.GetStringAsync("/metrics");
            Assert.Matches(new Regex("""^digitaltwin_mqtt_connections_refused_total\{[^}]*reason="MaxPacketSize"[^}]*\} [1-9]""", RegexOptions.Multiline), metrics);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Connect_SilentSocket_ClosedAfterConnectTimeoutAndCounted()
    {
        var before = Refusals.Count(BrokerRefusal.ConnectTimeout);
        await using var socket = await RawMqttSocket.ConnectAsync(_app.MqttPort);

        Assert.True(await socket.IsClosedWithinAsync(HostileAppFixture.ConnectTimeout + TimeSpan.FromSeconds(3)), "A socket that never sent CONNECT was kept.");
        Assert.True(Refusals.Count(BrokerRefusal.ConnectTimeout) > before);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Connect_Device_KeptPastConnectTimeout(MqttProtocolVersion protocol)
    {
        var id = $"hc-kept-{(int)protocol}";
        var secret = await _app.EnsureDeviceAsync(id);
        await using var device = await MqttTestClient.ConnectAsync(MqttTestClient.Builder(_app.MqttPort, null, id, secret).WithProtocolVersion(protocol).Build());

        await Task.Delay(HostileAppFixture.ConnectTimeout + TimeSpan.FromSeconds(1));

        Assert.True(device.IsConnected, "An authenticated device was closed by the CONNECT timeout.");
        await device.PublishAsync($"devices/{id}/telemetry", """{"temperature":20}""");
    }

    [Fact]
    public async Task Connect_UnfinishedConnect_ClosedAfterConnectTimeout()
    {
        await using var socket = await RawMqttSocket.ConnectAsync(_app.MqttPort);

        // A CONNECT announcing 50 bytes, of which only the protocol name ever comes.
        await socket.SendAsync([.. RawMqttSocket.ConnectHeader(50), 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T']);

        Assert.True(await socket.IsClosedWithinAsync(HostileAppFixture.ConnectTimeout + TimeSpan.FromSeconds(3)), "A socket that never finished CONNECT was kept.");
    }

    [Fact]
    public async Task Connect_AnotherDevicesClientId_ClientIdentifierNotValidAndVictimKept()
    {
        var attackerSecret = await _app.CreateDeviceAsync("hc-a1");
        await using var victim = await MqttTestClient.ConnectAsync(_app.MqttPort, "hc-b1", "hc-b1", await _app.CreateDeviceAsync("hc-b1"));

        var before = Refusals.Count(BrokerRefusal.ClientId);

        var result = await MqttTestClient.TryConnectAsync(_app.MqttPort, "hc-a1", attackerSecret, clientId: "hc-b1");

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
        Assert.Equal(before + 1, Refusals.Count(BrokerRefusal.ClientId));
        await Task.Delay(200);
        Assert.True(victim.IsConnected, "The victim's session was taken over.");
        await victim.PublishAsync("devices/hc-b1/telemetry", """{"temperature":20}""");
    }

    [Theory]
    [InlineData("hc-own")]
    [InlineData("hc-own@kitchen")]
    public async Task Connect_OwnIdWithOrWithoutSuffix_Accepted(string clientId)
    {
        var secret = await _app.EnsureDeviceAsync("hc-own");

        Assert.Equal(MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(_app.MqttPort, "hc-own", secret, clientId));
    }

    [Theory]
    [InlineData("hc-dash-x")]
    [InlineData("hc-das")]
    [InlineData("x@hc-dash")]
    public async Task Connect_ClientIdNotTheDevicesOwn_ClientIdentifierNotValid(string clientId)
    {
        // "hc-dash-x" could be another device's id: '-' may appear in ids, so only '@' separates a suffix.
        var secret = await _app.EnsureDeviceAsync("hc-dash");

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await MqttTestClient.TryConnectAsync(_app.MqttPort, "hc-dash", secret, clientId));
    }

    [Fact]
    public async Task Connect_ClientIdOf65535Bytes_ClientIdentifierNotValid()
    {
        var secret = await _app.EnsureDeviceAsync("hc-long");

        var result = await MqttTestClient.TryConnectAsync(_app.MqttPort, "hc-long", secret, "hc-long@" + new string('x', 65_535 - 8));

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
    }

    [Fact]
    public async Task Connect_Mqtt5_ConnAckAnnouncesMaximumPacketSize()
    {
        var secret = await _app.EnsureDeviceAsync("hc-max");
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(MqttTestClient.Options(_app.MqttPort, null, "hc-max", secret));

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.Equal(131_072u, result.MaximumPacketSize);
        await client.DisconnectAsync();
    }

    private static (long Heap, long WorkingSet) SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
