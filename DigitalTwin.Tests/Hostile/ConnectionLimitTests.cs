using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Hostile;

/// <summary>Issue 16: caps on connections in total, per remote address, and not yet authenticated; over a cap the socket is closed at once.</summary>
[Collection(AppCollection.Name)]
public sealed class ConnectionLimitTests : IAsyncLifetime
{
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);
    private readonly List<RawMqttSocket> _sockets = [];
    private DigitalTwinAppFactory? _app;

    [Fact]
    public async Task Connect_OverPerAddressCap_ClosedAtOnceOtherAddressKept()
    {
        var app = await StartAsync(("Mqtt:MaxConnectionsPerAddress", "2"));

        var kept = new[] { await OpenAsync(app, "127.0.0.1"), await OpenAsync(app, "127.0.0.1") };
        var over = await OpenAsync(app, "127.0.0.1");
        var elsewhere = await OpenAsync(app, "127.0.0.2");

        Assert.True(await over.IsClosedWithinAsync(Prompt), "A third connection from one address was kept.");
        Assert.Equal(1, app.Services.GetRequiredService<BrokerRefusals>().Count(BrokerRefusal.MaxConnectionsPerAddress));
        Assert.False(await elsewhere.IsClosedWithinAsync(Kept), "A connection from another address was closed.");
        foreach (var socket in kept)
        {
            Assert.False(await socket.IsClosedWithinAsync(TimeSpan.FromMilliseconds(100)), "A connection within the cap was closed.");
        }
    }

    [Fact]
    public async Task Connect_OverTotalCap_ClosedAtOnce()
    {
        var app = await StartAsync(("Mqtt:MaxConnections", "3"));

        var kept = new[] { await OpenAsync(app, "127.0.0.1"), await OpenAsync(app, "127.0.0.2"), await OpenAsync(app, "127.0.0.3") };
        var over = await OpenAsync(app, "127.0.0.4");

        Assert.True(await over.IsClosedWithinAsync(Prompt), "A connection over the total cap was kept.");
        Assert.Equal(1, app.Services.GetRequiredService<BrokerRefusals>().Count(BrokerRefusal.MaxConnections));
        Assert.False(await kept[0].IsClosedWithinAsync(Kept), "A connection within the cap was closed.");
    }

    [Fact]
    public async Task Connect_OverPendingCap_ClosedAtOnceDevicesConnectOnceFreed()
    {
        var app = await StartAsync(("Mqtt:MaxPendingConnections", "2"));
        var secret = await app.CreateDeviceAsync("cl-device");

        var silent = new[] { await OpenAsync(app, "127.0.0.1"), await OpenAsync(app, "127.0.0.2") };
        var over = await OpenAsync(app, "127.0.0.3");

        Assert.True(await over.IsClosedWithinAsync(Prompt), "A third unauthenticated connection was kept.");
        Assert.Equal(1, app.Services.GetRequiredService<BrokerRefusals>().Count(BrokerRefusal.MaxPendingConnections));
        Assert.False(await silent[0].IsClosedWithinAsync(Kept), "A pending connection within the cap was closed.");
        foreach (var socket in silent)
        {
            await socket.DisposeAsync();
        }
        // Until the broker has seen the sockets close, a connect may still meet the cap (and be closed).
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return await MqttTestClient.TryConnectAsync(app.MqttPort, "cl-device", secret) == MQTTnet.MqttClientConnectResultCode.Success;
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                return false;
            }
        }, what: "a device to connect once the silent sockets are gone");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            await socket.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<DigitalTwinAppFactory> StartAsync(params (string Key, string Value)[] settings)
    {
        _app = new DigitalTwinAppFactory();
        foreach (var (key, value) in settings)
        {
            _app.Settings[key] = value;
        }
        return await _app.StartAsync();
    }

    private async Task<RawMqttSocket> OpenAsync(DigitalTwinAppFactory app, string from)
    {
        var socket = await RawMqttSocket.ConnectAsync(app.MqttPort, from);
        _sockets.Add(socket);
        return socket;
    }
}
