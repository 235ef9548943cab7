using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Devices;
using DigitalTwin.Web.Twins;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace DigitalTwin.Tests.Devices;

/// <summary>Online / offline with a reason, from the real embedded broker's connections, status messages and the inactivity timeout.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceStatusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Reading = """{"temperature":21.5}""";
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Connect_AuthenticatedDevice_OnlineConnected()
    {
        await using var device = await _app.ConnectDeviceAsync("status-connect");

        var twin = await StatusAsync("status-connect", DeviceStatus.Online);

        Assert.Equal(StatusReason.Connected, twin.StatusReason);
        Assert.Equal("online — connected", twin.StatusText);
        Assert.NotNull(twin.LastSeen);
    }

    [Fact]
    public async Task ConnectionDropped_WithoutDisconnect_OfflineConnectionLost()
    {
        var secret = await _app.CreateDeviceAsync("status-lost");
        var device = await MqttTestClient.ConnectAsync(_app.MqttPort, null, "status-lost", secret, willTopic: StatusTopic.For("status-lost"));
        await device.PublishAsync(TelemetryTopic.For("status-lost"), Reading);
        await StatusAsync("status-lost", DeviceStatus.Online);
        var reasons = new System.Collections.Concurrent.ConcurrentQueue<StatusReason>();
        using var changes = _app.Services.GetRequiredService<ITwinChangeFeed>().Subscribe("status-lost", t => reasons.Enqueue(t.Reason));

        device.Drop();

        // The broker publishes the last will ("offline") just before it reports the lost connection: the will is
        // the lost connection too, never "device reported offline" for a moment.
        var twin = (await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("status-lost"), t => t?.StatusReason == StatusReason.ConnectionLost))!;
        Assert.DoesNotContain(StatusReason.ReportedOffline, reasons);
        Assert.Contains(StatusReason.ConnectionLost, reasons);
        Assert.Equal(DeviceStatus.Offline, twin.Status);
        Assert.Equal("offline — connection lost", twin.StatusText);
        Assert.Equal(21.5, twin.Metrics["temperature"].Value);
    }

    [Fact]
    public async Task CleanDisconnect_OfflineDisconnected()
    {
        var device = await _app.ConnectDeviceAsync("status-clean");
        await StatusAsync("status-clean", DeviceStatus.Online);

        await device.DisposeAsync();

        Assert.Equal(StatusReason.Disconnected, (await StatusAsync("status-clean", DeviceStatus.Offline)).StatusReason);
    }

    [Fact]
    public async Task StatusMessages_OfflineThenOnline_FollowTheDeviceAndAreNotTelemetry()
    {
        await using var device = await _app.ConnectDeviceAsync("status-msg");
        await StatusAsync("status-msg", DeviceStatus.Online);
        var rejectedBefore = Counters.Snapshot().TotalRejected;

        await device.PublishAsync(StatusTopic.For("status-msg"), "offline");
        Assert.Equal(StatusReason.ReportedOffline, (await StatusAsync("status-msg", DeviceStatus.Offline)).StatusReason);
        await device.PublishAsync(StatusTopic.For("status-msg"), "online");
        Assert.Equal(StatusReason.ReportedOnline, (await StatusAsync("status-msg", DeviceStatus.Online)).StatusReason);

        Assert.Equal(rejectedBefore, Counters.Snapshot().TotalRejected);
        Assert.Equal(0, await _app.CountSamplesAsync("status-msg"));
    }

    [Fact]
    public async Task StatusMessage_UnreadablePayload_RefusedInPubAckStatusUnchangedConnectionKept()
    {
        await using var device = await _app.ConnectDeviceAsync("status-bad");
        await StatusAsync("status-bad", DeviceStatus.Online);

        var result = await device.TryPublishAsync(StatusTopic.For("status-bad"), "sleeping");

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result);
        Assert.True(device.IsConnected);
        await device.PublishAsync(TelemetryTopic.For("status-bad"), Reading);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("status-bad") == 1, what: "the reading after the bad status stored");
        Assert.Equal(DeviceStatus.Online, (await _app.Http.GetTwinAsync("status-bad"))!.Status);
    }

    [Fact]
    public async Task StatusMessage_ForAnotherDevice_Refused()
    {
        await using var victim = await _app.ConnectDeviceAsync("status-victim");
        await using var other = await _app.ConnectDeviceAsync("status-other");
        await StatusAsync("status-victim", DeviceStatus.Online);

        var result = await other.TryPublishAsync(StatusTopic.For("status-victim"), "offline");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result);
        Assert.Equal(DeviceStatus.Online, (await _app.Http.GetTwinAsync("status-victim"))!.Status);
    }

    [Fact]
    public async Task DeviceOfflineAfter_ShorterThanTheDefault_OfflineNoDataAfterIt()
    {
        // The app's default (Twins:OfflineAfter) is 30 s; this device's own is 2 s.
        using var created = await _app.Http.PostAsJsonAsync("/api/devices", new { id = "status-short", kind = "meter", offlineAfter = "00:00:02" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/devices/status-short/telemetry") { Content = new StringContent(Reading) };
        request.Headers.Authorization = new("Bearer", secret);
        (await _app.Http.SendAsync(request)).EnsureSuccessStatusCode();
        Assert.Equal(StatusReason.DataReceived, (await StatusAsync("status-short", DeviceStatus.Online)).StatusReason);

        var twin = await StatusAsync("status-short", DeviceStatus.Offline, TimeSpan.FromSeconds(15));

        Assert.Equal(StatusReason.NoData, twin.StatusReason);
        Assert.Equal("offline — no data for 2 s", twin.StatusText);
    }

    [Fact]
    public async Task Delete_ThenRecreate_TwinStartsEmptyThenShowsOnlyTheNewReading()
    {
        using (var response = await _app.PostTelemetryAsync("status-gone", new StringContent(Reading)))
        {
            response.EnsureSuccessStatusCode();
        }
        await StatusAsync("status-gone", DeviceStatus.Online);

        (await _app.Http.DeleteAsync("/api/devices/status-gone")).EnsureSuccessStatusCode();
        await _app.CreateDeviceAsync("status-gone");

        var twin = await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("status-gone"), t => t is { Metrics.Count: 0 }, what: "an empty twin for the re-created device");
        Assert.Equal(DeviceStatus.Unknown, twin!.Status);
        Assert.Null(twin.LastSeen);
        Assert.Equal(DeviceStatusEntry.NeverSeen, _app.Services.GetRequiredService<DeviceStatusBoard>().Get("status-gone"));

        using (var response = await _app.PostTelemetryAsync("status-gone", new StringContent("""{"temperature":17.25}""")))
        {
            response.EnsureSuccessStatusCode();
        }
        var again = await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("status-gone"), t => t is { Metrics.Count: 1 }, what: "the re-created device's new reading");
        Assert.Equal(17.25, again!.Metrics["temperature"].Value);
        Assert.Equal(DeviceStatus.Online, again.Status);
        Assert.Equal(1, await _app.CountSamplesAsync("status-gone"));
        Assert.Equal(DeviceStatus.Online, _app.Services.GetRequiredService<DeviceStatusBoard>().Get("status-gone").Status);
    }

    [Fact]
    public async Task ListDevices_ShowsStatusReasonAndLastSeen()
    {
        await using var device = await _app.ConnectDeviceAsync("status-list");
        await StatusAsync("status-list", DeviceStatus.Online);

        var devices = await _app.Http.GetFromJsonAsync<DeviceListResponse>("/api/devices?search=status-list", ApiJson.Options);

        var listed = Assert.Single(devices!.Items, d => d.Id == "status-list");
        Assert.Equal((DeviceStatus.Online, StatusReason.Connected, "online — connected"), (listed.Status, listed.StatusReason, listed.StatusText));
        Assert.NotNull(listed.LastSeen);
        Assert.NotNull(listed.StatusSince);
    }

    private IngestCounters Counters => _app.Services.GetRequiredService<IngestCounters>();

    private Task<DeviceTwinResponse> StatusAsync(string deviceId, DeviceStatus status, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(() => _app.Http.GetTwinAsync(deviceId), t => t?.Status == status, timeout, $"{deviceId} {status}")!;
}
