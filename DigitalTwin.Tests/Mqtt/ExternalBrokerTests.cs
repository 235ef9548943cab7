using System.Globalization;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Twins;
using DigitalTwin.Web.Mqtt;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Mqtt;

/// <summary>Mqtt:Mode=External against a real mosquitto started by the test.</summary>
[Collection(AppCollection.Name)]
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private const int Burst = 200;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Publish_ThroughMosquitto_StoredAndShownInTwin()
    {
        await using var app = await StartAppAsync();
        await app.CreateDeviceAsync("ext-1");
        await using var device = await MqttTestClient.ConnectAsync(_broker.Port);

        await PublishBurstAsync(device, "ext-1", first: 0);

        await Eventually.TrueAsync(async () => await app.CountSamplesAsync("ext-1") == Burst, what: $"{Burst} samples of ext-1");
        var twin = await app.Http.GetTwinAsync("ext-1");
        Assert.Equal(Burst - 1, twin!.Metrics["temperature"].Value);
    }

    [Fact]
    public async Task DesiredAndReported_ThroughMosquitto_RetainedAndStored()
    {
        await using var app = await StartAppAsync();
        await app.CreateDeviceAsync("ext-twin");
        await Eventually.TrueAsync(() => Task.FromResult(app.Services.GetRequiredService<ExternalMqttIngest>().IsSubscribed), what: "the app subscribed");
        await app.Http.PatchDesiredOkAsync("ext-twin", """{"setpoint":19,"mode":"eco"}""");

        // Connected after the change: mosquitto hands over the document the app published retained.
        await using var device = await MqttTestClient.ConnectAsync(_broker.Port);
        await device.SubscribeAsync("devices/ext-twin/desired");
        var retained = await device.DesiredAsync("ext-twin", 1);
        Assert.True(retained.Retain);

        var rejected = app.Services.GetRequiredService<IngestCounters>().Snapshot().TotalRejected;
        await device.PublishAsync("devices/ext-twin/reported", """{"setpoint":19}""");
        var (twin, _) = await Eventually.MatchAsync(() => app.Http.GetDocumentsAsync("ext-twin"), d => d.Twin.Versions.Reported == 1, what: "the report stored");
        Assert.Equal("""{"mode":"eco"}""", DesiredStateHarness.Compact(twin.Delta));
        Assert.Equal(rejected, app.Services.GetRequiredService<IngestCounters>().Snapshot().TotalRejected);
    }

    [Fact]
    public async Task BrokerRestart_MidStream_ReconnectsAndStoresEveryMessage()
    {
        await using var app = await StartAppAsync();
        await app.CreateDeviceAsync("ext-2");
        await using (var before = await MqttTestClient.ConnectAsync(_broker.Port))
        {
            await PublishBurstAsync(before, "ext-2", first: 0);
        }

        await _broker.RestartAsync();
        await using var after = await MqttTestClient.ConnectAsync(_broker.Port);
        await PublishBurstAsync(after, "ext-2", first: Burst);

        await Eventually.TrueAsync(async () => await app.CountSamplesAsync("ext-2") == 2 * Burst, what: $"{2 * Burst} samples of ext-2 after the broker restart");
    }

    [Fact]
    public async Task AppDown_QoS1PublishedMeanwhile_DeliveredWhenItIsBack()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("twin-ext-").FullName;
        try
        {
            // The first start creates the app's persistent session and subscription at the broker.
            await using (var first = await StartAppAsync(dataDirectory))
            {
                await first.CreateDeviceAsync("ext-3");
            }
            await using (var device = await MqttTestClient.ConnectAsync(_broker.Port))
            {
                await PublishBurstAsync(device, "ext-3", first: 0);
            }

            await using var app = await StartAppAsync(dataDirectory);

            await Eventually.TrueAsync(async () => await app.CountSamplesAsync("ext-3") == Burst, what: $"the {Burst} messages queued by mosquitto while the app was down");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <remarks>
    /// Mosquitto authenticates clients itself (its own password file or plugin), so the app cannot check device
    /// secrets here; it still refuses telemetry from devices missing from its registry.
    /// </remarks>
    [Fact]
    public async Task Publish_UnregisteredDevice_RefusedAsUnknownAndNotStored()
    {
        await using var app = await StartAppAsync();
        await app.CreateDeviceAsync("ext-known");
        await using var device = await MqttTestClient.ConnectAsync(_broker.Port);

        await device.PublishAsync("devices/ext-stranger/telemetry", """{"temperature":1}""");
        await device.PublishAsync("devices/ext-known/telemetry", """{"temperature":2}""");

        await Eventually.TrueAsync(async () => await app.CountSamplesAsync("ext-known") == 1, what: "the registered device's reading");
        var counters = app.Services.GetRequiredService<IngestCounters>();
        await Eventually.TrueAsync(() => Task.FromResult(counters.Snapshot().Rejected[RejectReason.UnknownDevice] == 1), what: "the stranger refused as unknown");
        Assert.Equal(0, await app.CountSamplesAsync("ext-stranger"));
        using var twin = await app.Http.GetAsync("/api/devices/ext-stranger");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, twin.StatusCode);
    }

    [Fact]
    public async Task StatusMessageAndLastWill_ThroughMosquitto_SetTheTwinsStatusNotTelemetry()
    {
        await using var app = await StartAppAsync();
        await app.CreateDeviceAsync("ext-status");
        var rejected = app.Services.GetRequiredService<IngestCounters>().Snapshot().TotalRejected;
        var device = await MqttTestClient.ConnectAsync(_broker.Port, willTopic: StatusTopic.For("ext-status"));

        await device.PublishAsync(StatusTopic.For("ext-status"), "online");
        var online = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("ext-status"), t => t?.Status == DeviceStatus.Online, what: "ext-status online");
        device.Drop();
        var offline = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("ext-status"), t => t?.Status == DeviceStatus.Offline, what: "ext-status offline by its last will");

        Assert.Equal(StatusReason.ReportedOnline, online!.StatusReason);
        Assert.Equal(StatusReason.ReportedOffline, offline!.StatusReason);
        Assert.Equal(rejected, app.Services.GetRequiredService<IngestCounters>().Snapshot().TotalRejected);
        Assert.Equal(0, await app.CountSamplesAsync("ext-status"));
    }

    private async Task<DigitalTwinAppFactory> StartAppAsync(string? dataDirectory = null)
    {
        var app = new DigitalTwinAppFactory(dataDirectory);
        app.Settings["Mqtt:Mode"] = "External";
        app.Settings["Mqtt:Host"] = "127.0.0.1";
        app.Settings["Mqtt:Port"] = _broker.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Mqtt:ClientId"] = "digitaltwin-test-" + _broker.Port;
        await app.StartAsync();
        var ingest = app.Services.GetRequiredService<ExternalMqttIngest>();
        await Eventually.TrueAsync(() => Task.FromResult(ingest.IsSubscribed), what: "the app to subscribe at mosquitto");
        return app;
    }

    /// <summary>QoS 1 readings with distinct device timestamps, so each is one stored sample.</summary>
    private static async Task PublishBurstAsync(MqttTestClient device, string deviceId, int first)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        for (var i = first; i < first + Burst; i++)
        {
            await device.PublishAsync($"devices/{deviceId}/telemetry",
                string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{start + i}},"temperature":{{i}}}"""));
        }
    }
}
