using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>A real MQTT client publishing to the app's embedded broker, through to the twin, SQLite and the API.</summary>
[Collection(AppCollection.Name)]
public sealed class MqttIngestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Publish_Telemetry_ShownInTwinStoredInSqliteAndServedAsHistory()
    {
        var t1 = DateTimeOffset.UtcNow.AddMinutes(-2);
        t1 = DateTimeOffset.FromUnixTimeMilliseconds(t1.ToUnixTimeMilliseconds() / 1000 * 1000);
        var t2 = t1.AddSeconds(1);
        await using var mqtt = await _app.ConnectDeviceAsync("it-1");

        await mqtt.PublishAsync("devices/it-1/telemetry", $$"""{"ts":"{{t1:O}}","temperature":21.5,"humidity":40.25}""");
        await mqtt.PublishAsync("devices/it-1/telemetry", $$"""{"ts":{{t2.ToUnixTimeMilliseconds()}},"temperature":22.0}""");

        var twin = await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("it-1"),
            t => t?.Metrics.Count == 2 && t.Metrics["temperature"].Timestamp == t2, what: "twin it-1 with both readings");
        Assert.Equal("it-1", twin!.Id);
        Assert.Equal(DeviceStatus.Online, twin.Status);
        Assert.Equal(22.0, twin.Metrics["temperature"].Value);
        Assert.Equal(40.25, twin.Metrics["humidity"].Value);
        Assert.Equal(t1, twin.Metrics["humidity"].Timestamp);
        Assert.NotNull(twin.LastSeen);

        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("it-1") == 3, what: "3 samples of it-1 in SQLite");
        Assert.Equal(2, await _app.CountSamplesAsync("it-1", "temperature"));

        var history = await _app.Http.GetHistoryAsync("it-1",
            $"metric=temperature&from={t1.AddSeconds(-10).ToUnixTimeMilliseconds()}&to={t2.AddSeconds(10).ToUnixTimeMilliseconds()}&interval=1s&agg=last");
        Assert.Equal(Aggregation.Last, history.Aggregation);
        Assert.Equal(TimeSpan.FromSeconds(1), history.Interval);
        Assert.Equal([new HistoryPoint(t1, 21.5), new HistoryPoint(t2, 22.0)], history.Points);
    }

    [Fact]
    public async Task Publish_Batch_EveryReadingStoredInHistory()
    {
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds() / 60_000 * 60_000);
        var batch = string.Join(",", Enumerable.Range(0, 5).Select(i => $$"""{"ts":{{t0.AddSeconds(i * 10).ToUnixTimeMilliseconds()}},"temperature":{{i}}}"""));
        await using var mqtt = await _app.ConnectDeviceAsync("it-batch");

        await mqtt.PublishAsync("devices/it-batch/telemetry", $"[{batch}]");

        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("it-batch") == 5, what: "5 samples of it-batch");
        var history = await _app.Http.GetHistoryAsync("it-batch",
            $"metric=temperature&from={t0.ToUnixTimeMilliseconds()}&to={t0.AddMinutes(1).ToUnixTimeMilliseconds()}&interval=1m&agg=avg");
        Assert.Equal([new HistoryPoint(t0, 2.0)], history.Points);
        var twin = await _app.Http.GetTwinAsync("it-batch");
        Assert.Equal(4.0, twin!.Metrics["temperature"].Value);
    }

    [Fact]
    public async Task Publish_OlderTimestampAfterNewer_TwinKeepsNewerAndHistoryHasBothInTimeOrder()
    {
        var t2 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() / 1000 * 1000);
        var t1 = t2.AddSeconds(-30);
        await using var mqtt = await _app.ConnectDeviceAsync("it-order");

        await mqtt.PublishAsync("devices/it-order/telemetry", $$"""{"ts":"{{t2:O}}","temperature":25}""");
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("it-order") == 1, what: "the newer reading stored");
        await mqtt.PublishAsync("devices/it-order/telemetry", $$"""{"ts":"{{t1:O}}","temperature":15}""");
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("it-order") == 2, what: "the older reading stored");

        // Both readings have been through the processor (history is written after the twins are updated).
        var twin = await _app.Http.GetTwinAsync("it-order");
        Assert.Equal(25.0, twin!.Metrics["temperature"].Value);
        Assert.Equal(t2, twin.Metrics["temperature"].Timestamp);
        var history = await _app.Http.GetHistoryAsync("it-order",
            $"metric=temperature&from={t1.AddMinutes(-1).ToUnixTimeMilliseconds()}&to={t2.AddMinutes(1).ToUnixTimeMilliseconds()}&interval=1s&agg=last");
        Assert.Equal([new HistoryPoint(t1, 15.0), new HistoryPoint(t2, 25.0)], history.Points);
    }
}
