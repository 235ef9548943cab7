using System.Net;
using System.Text;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace DigitalTwin.Tests.Devices;

/// <summary>Devices:AllowAutoRegistration=true: unregistered devices may report (and are registered), registered ones stay protected.</summary>
[Collection(AppCollection.Name)]
public sealed class AutoRegistrationTests : IAsyncLifetime
{
    private const string Reading = """{"temperature":19.5}""";
    private readonly DigitalTwinAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Devices:AllowAutoRegistration"] = "true";
        return _app.StartAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task MqttAnonymous_NewDevice_AcceptedAndRegisteredWithoutSecret()
    {
        await using var mqtt = await _app.ConnectMqttAsync();

        await mqtt.PublishAsync("devices/auto-mqtt/telemetry", Reading);

        await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("auto-mqtt"), t => t?.Metrics.Count == 1, what: "twin auto-mqtt");
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("auto-mqtt") == 1, what: "auto-mqtt stored");
        var registration = await _app.Http.GetStringAsync("/api/devices/auto-mqtt/registration");
        Assert.Contains("\"hasSecret\":false", registration, StringComparison.Ordinal);
        // Nobody said what it is: not a thermometer by default any more.
        Assert.Contains("\"kind\":\"unknown\"", registration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpWithoutBearer_NewDevice_202()
    {
        using var response = await _app.Http.PostAsync("/api/devices/auto-http/telemetry", new StringContent(Reading, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("auto-http") == 1, what: "auto-http stored");
    }

    [Fact]
    public async Task HttpWithoutBearer_DeletedDeviceReportsAgain_RegisteredAgainWithItsNewReadingNoOrphans()
    {
        using (var first = await _app.Http.PostAsync("/api/devices/auto-again/telemetry", new StringContent(Reading, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }
        using (var deleted = await _app.Http.DeleteAsync("/api/devices/auto-again"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var again = await _app.Http.PostAsync("/api/devices/auto-again/telemetry", new StringContent(Reading, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, await _app.CountSamplesAsync("auto-again"));
        Assert.Equal(0, await _app.CountOrphanHistoryAsync());
        using var registration = await _app.Http.GetAsync("/api/devices/auto-again/registration");
        Assert.Equal(HttpStatusCode.OK, registration.StatusCode);
    }

    [Fact]
    public async Task RegisteredDevice_StillNeedsItsSecret()
    {
        var secret = await _app.CreateDeviceAsync("auto-protected");
        var counters = _app.Services.GetRequiredService<DeviceAuthCounters>();
        var foreign = counters.Refusals(CredentialRefusal.ForeignTopic);
        await using var anonymous = await _app.ConnectMqttAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => anonymous.PublishAsync("devices/auto-protected/telemetry", Reading));
        using var http = await _app.Http.PostAsync("/api/devices/auto-protected/telemetry", new StringContent(Reading, Encoding.UTF8, "application/json"));

        Assert.Equal(foreign + 1, counters.Refusals(CredentialRefusal.ForeignTopic));
        await ApiJson.AssertProblemAsync(http, 401);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await MqttTestClient.TryConnectAsync(_app.MqttPort, "auto-protected", "wrong"));
        Assert.Equal(MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(_app.MqttPort, "auto-protected", secret));
    }
}
