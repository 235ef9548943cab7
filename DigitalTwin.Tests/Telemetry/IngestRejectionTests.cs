using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using MQTTnet;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>Bad MQTT messages among good ones: every good one stored, every bad one counted by reason, the app stays up.</summary>
[Collection(AppCollection.Name)]
public sealed class IngestRejectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Publish_BadMessagesInterleavedWithGood_GoodStoredRejectsCountedPerReasonAndExported()
    {
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        var future = DateTimeOffset.UtcNow.AddHours(1);
        const string Topic = "devices/it-mix/telemetry";
        string Good(int i) => $$"""{"ts":{{t0.AddSeconds(i).ToUnixTimeMilliseconds()}},"temperature":{{i}}}""";
        await using var mqtt = await _app.ConnectDeviceAsync("it-mix");

        // Each refused message gets a failure reason code in its PUBACK (MQTT 5), never a success.
        const MqttClientPublishReasonCode Invalid = MqttClientPublishReasonCode.PayloadFormatInvalid;
        await mqtt.PublishAsync(Topic, Good(0));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, """{"temperature":2"""));
        await mqtt.PublishAsync(Topic, Good(1));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, """{"temperature":"warm"}"""));
        await mqtt.PublishAsync(Topic, Good(2));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, """{"temperature":"NaN"}"""));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, """{"temperature":1e400}"""));
        await mqtt.PublishAsync(Topic, Good(3));
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, await mqtt.TryPublishAsync(Topic, """{"temperature":1}""" + new string(' ', 70_000)));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, $$"""{"ts":"{{future:O}}","temperature":1}"""));
        // Another device's topic: refused by the broker before ingest (and counted as an authentication refusal).
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await mqtt.TryPublishAsync("devices/bad id/telemetry", Good(9)));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, "["));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, [0xFF, 0xFE, 0x00, 0x7B, 0x80]));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, [.. "{\"temperature\":\""u8, 0xC3, 0x28, .. "\"}"u8]));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, "  \n "));
        Assert.Equal(Invalid, await mqtt.TryPublishAsync(Topic, ""));
        await mqtt.PublishAsync(Topic, Good(4));

        var expected = new Dictionary<string, long>
        {
            [nameof(RejectReason.InvalidJson)] = 4,
            [nameof(RejectReason.NonNumericValue)] = 1,
            [nameof(RejectReason.NonFiniteValue)] = 2,
            [nameof(RejectReason.PayloadTooLarge)] = 1,
            [nameof(RejectReason.TimestampInFuture)] = 1,
            [nameof(RejectReason.EmptyPayload)] = 2,
        };
        var report = await Eventually.MatchAsync(GetIngestReportAsync,
            r => r.GetProperty("counters").GetProperty("readingsCommitted").GetInt64() == 5
                 && r.GetProperty("counters").GetProperty("totalRejected").GetInt64() == 11,
            what: "5 readings committed and 11 refusals counted");
        var counters = report.GetProperty("counters");
        Assert.Equal(5, counters.GetProperty("messagesAccepted").GetInt64());
        foreach (var reason in Enum.GetNames<RejectReason>())
        {
            Assert.Equal((reason, expected.GetValueOrDefault(reason)), (reason, counters.GetProperty("rejected").GetProperty(reason).GetInt64()));
        }
        var recent = report.GetProperty("recentRejects").EnumerateArray().ToList();
        Assert.Equal(11, recent.Count);
        Assert.All(recent, r => Assert.Equal("Mqtt", r.GetProperty("source").GetString()));
        Assert.All(recent, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("detail").GetString())));

        var twin = await _app.Http.GetTwinAsync("it-mix");
        Assert.Equal(new Web.Twins.MetricResponse(4, t0.AddSeconds(4)), twin!.Metrics["temperature"]);
        var history = await _app.Http.GetHistoryAsync("it-mix",
            $"metric=temperature&from={t0.ToUnixTimeMilliseconds()}&to={t0.AddSeconds(10).ToUnixTimeMilliseconds()}&interval=1s&agg=last");
        Assert.Equal([0.0, 1.0, 2.0, 3.0, 4.0], history.Points.Select(p => p.Value));

        var metrics = await Eventually.MatchAsync(() => _app.Http.GetStringAsync("/metrics"),
            text => RejectedMetric(text, "InvalidJson") == 4, what: "/metrics to export the InvalidJson count");
        foreach (var (reason, count) in expected)
        {
            Assert.Equal((reason, count), (reason, RejectedMetric(metrics, reason)));
        }
        Assert.Equal(0, RejectedMetric(metrics, nameof(RejectReason.NoMetrics)));

        // Still up: the same connection still publishes, and the API still answers.
        Assert.True(mqtt.IsConnected);
        await mqtt.PublishAsync(Topic, Good(5));
        await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("it-mix"), t => t?.Metrics["temperature"].Value == 5, what: "a reading after the bad ones");
        using var devices = await _app.Http.GetAsync("/api/devices");
        Assert.Equal(HttpStatusCode.OK, devices.StatusCode);
    }

    private async Task<JsonElement> GetIngestReportAsync()
    {
        var json = await _app.Http.GetStringAsync("/api/diagnostics/ingest");
        return JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The value of digitaltwin_telemetry_messages_rejected_total for one reason in Prometheus text, or null when absent.</summary>
    private static long? RejectedMetric(string prometheusText, string reason)
    {
        var match = Regex.Match(prometheusText,
            $$"""^digitaltwin_telemetry_messages_rejected_total\{[^}]*reason="{{reason}}"[^}]*\} (\d+)""", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
