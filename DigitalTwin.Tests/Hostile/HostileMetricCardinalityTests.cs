using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using MQTTnet;

namespace DigitalTwin.Tests.Hostile;

/// <summary>An app with small metric limits: 8 per reading, 12 distinct per device.</summary>
public sealed class SmallMetricLimitsFixture : IAsyncLifetime
{
    public DigitalTwinAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Telemetry:MaxMetricsPerReading"] = "8";
        App.Settings["Telemetry:MaxMetricsPerDevice"] = "12";
        return App.StartAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>A device cannot grow the metric names (each a stored series) without bound, over HTTP or MQTT; refusals are counted by reason.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileMetricCardinalityTests(SmallMetricLimitsFixture fixture) : IClassFixture<SmallMetricLimitsFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-1);
    private int _readings;

    [Fact]
    public async Task PostTelemetry_TwoThousandMetricNames_RefusedAsTooManyMetrics()
    {
        var body = "{" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"\"m{i}\":{i}")) + "}";

        using var response = await _app.PostTelemetryAsync("card-http", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal(nameof(RejectReason.TooManyMetrics), problem.Reason());
        Assert.Equal(0, await _app.CountSamplesAsync("card-http"));
    }

    [Fact]
    public async Task Publish_NewNamesBeyondTheDeviceLimit_RefusedWhileKnownNamesAndOtherDevicesStillStored()
    {
        await using var mqtt = await _app.ConnectDeviceAsync("card-mqtt");
        await using var other = await _app.ConnectDeviceAsync("card-other");
        var before = await RejectedAsync(nameof(RejectReason.TooManyDeviceMetrics));

        await mqtt.PublishAsync("devices/card-mqtt/telemetry", Reading(0, 8));   // 8 names
        await mqtt.PublishAsync("devices/card-mqtt/telemetry", Reading(8, 4));   // 12: at the limit
        // A 13th, alone or beside two known names: refused whole, and an MQTT 5 client is told so in its PUBACK.
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await mqtt.TryPublishAsync("devices/card-mqtt/telemetry", Reading(12, 1)));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await mqtt.TryPublishAsync("devices/card-mqtt/telemetry", Reading(10, 3)));
        await mqtt.PublishAsync("devices/card-mqtt/telemetry", Reading(4, 8));   // known names: stored
        await other.PublishAsync("devices/card-other/telemetry", Reading(100, 8));

        await Eventually.MatchAsync(() => _app.CountSamplesAsync("card-other"), n => n == 8, what: "the other device's 8 samples");
        await Eventually.MatchAsync(() => _app.CountSamplesAsync("card-mqtt"), n => n == 8 + 4 + 8, what: "the device's accepted samples");
        Assert.Equal(before + 2, await RejectedAsync(nameof(RejectReason.TooManyDeviceMetrics)));
        using var refused = await _app.PostTelemetryAsync("card-mqtt", new StringContent(Reading(20, 1), Encoding.UTF8, "application/json"));
        Assert.Equal(nameof(RejectReason.TooManyDeviceMetrics), (await ApiJson.AssertProblemAsync(refused, 400)).Reason());
    }

    /// <summary>
    /// A reading of <paramref name="count"/> metrics named m{first}…, each reading a second after the one before: two
    /// without a timestamp could be stamped in the same millisecond, and the later would replace the earlier's samples.
    /// </summary>
    private string Reading(int first, int count) =>
        $"{{\"ts\":{_start.AddSeconds(++_readings).ToUnixTimeMilliseconds()}," + string.Join(",", Enumerable.Range(first, count).Select(i => $"\"m{i}\":{i}")) + "}";

    private async Task<long> RejectedAsync(string reason)
    {
        var report = await _app.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/ingest");
        return report.GetProperty("counters").GetProperty("rejected").GetProperty(reason).GetInt64();
    }
}
