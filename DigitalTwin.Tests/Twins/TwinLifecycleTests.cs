using System.Net;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Twins;

/// <summary>Twin status over time and across an app restart, each with its own app.</summary>
[Collection(AppCollection.Name)]
public sealed class TwinLifecycleTests
{
    [Fact]
    public async Task Twin_DeviceStopsPublishing_ShownOfflineThenOnlineAgainOnNextMessage()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Twins:OfflineAfter"] = "00:00:02";
        await app.StartAsync();
        await using var mqtt = await app.ConnectDeviceAsync("it-quiet");

        await mqtt.PublishAsync("devices/it-quiet/telemetry", """{"temperature":20}""");
        var online = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("it-quiet"), t => t?.Metrics.Count > 0, what: "twin it-quiet");
        Assert.Equal(DeviceStatus.Online, online!.Status);

        var offline = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("it-quiet"), t => t!.Status == DeviceStatus.Offline,
            timeout: TimeSpan.FromSeconds(30), what: "it-quiet shown offline");
        Assert.True(DateTimeOffset.UtcNow - offline!.LastSeen > TimeSpan.FromSeconds(2), "Offline only after OfflineAfter has passed.");
        Assert.True(offline.Version > online.Version);
        Assert.Equal(20.0, offline.Metrics["temperature"].Value);

        await mqtt.PublishAsync("devices/it-quiet/telemetry", """{"temperature":21}""");
        var back = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("it-quiet"), t => t!.Metrics["temperature"].Value == 21,
            what: "it-quiet's next reading");
        Assert.Equal(DeviceStatus.Online, back!.Status);
    }

    [Fact]
    public async Task Twin_AppRestartsOnSameDatabase_ValuesAndHistoryComeBack()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            var ts = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
            string secret;
            await using (var first = new DigitalTwinAppFactory(directory))
            {
                await first.StartAsync();
                secret = await first.CreateDeviceAsync("it-restart");
                await using var mqtt = await first.ConnectMqttAsync("it-restart", secret);
                await mqtt.PublishAsync("devices/it-restart/telemetry", $$"""{"ts":"{{ts:O}}","temperature":21.5,"humidity":44}""");
                await mqtt.PublishAsync("devices/it-restart/telemetry", $$"""{"ts":"{{ts.AddSeconds(-5):O}}","temperature":99}""");
                await Eventually.MatchAsync(() => first.Http.GetTwinAsync("it-restart"), t => t?.Metrics.Count == 2, what: "twin before restart");
            }

            await using var second = new DigitalTwinAppFactory(directory);
            await second.StartAsync();

            // Nothing was published to this app: the device and its newest values come from the database.
            using var list = await second.Http.GetAsync("/api/devices");
            Assert.Contains("it-restart", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var twin = await second.Http.GetTwinAsync("it-restart");
            Assert.NotNull(twin);
            Assert.Equal(new Web.Twins.MetricResponse(21.5, ts), twin.Metrics["temperature"]);
            Assert.Equal(new Web.Twins.MetricResponse(44, ts), twin.Metrics["humidity"]);
            Assert.Equal(ts, twin.LastSeen);
            // Last heard from ten minutes ago, beyond the default 30 s.
            Assert.Equal(DeviceStatus.Offline, twin.Status);
            // The registry and its credentials come back too.
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(second.MqttPort, "it-restart", secret));
            var history = await second.Http.GetHistoryAsync("it-restart",
                $"metric=temperature&from={ts.AddMinutes(-1).ToUnixTimeMilliseconds()}&to={ts.AddMinutes(1).ToUnixTimeMilliseconds()}&interval=1s&agg=last");
            Assert.Equal([new HistoryPoint(ts.AddSeconds(-5), 99), new HistoryPoint(ts, 21.5)], history.Points);
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Factories_TwoAppsAtOnce_EachHasItsOwnBrokerSiloAndDatabase()
    {
        await using var a = new DigitalTwinAppFactory();
        await using var b = new DigitalTwinAppFactory();
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await using var mqttA = await a.ConnectDeviceAsync("only-a");

        await mqttA.PublishAsync("devices/only-a/telemetry", """{"temperature":1}""");

        await Eventually.MatchAsync(() => a.Http.GetTwinAsync("only-a"), t => t is not null, what: "only-a in app A");
        using var inB = await b.Http.GetAsync("/api/devices/only-a");
        Assert.Equal(HttpStatusCode.NotFound, inB.StatusCode);
        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        Assert.NotEqual(a.DatabasePath, b.DatabasePath);
    }
}
