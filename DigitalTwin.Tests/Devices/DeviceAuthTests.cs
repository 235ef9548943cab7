using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace DigitalTwin.Tests.Devices;

/// <summary>Credentials enforced on the real embedded broker and the real HTTP endpoint, auto-registration off (the default).</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceAuthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Reading = """{"temperature":21.5}""";
    private readonly DigitalTwinAppFactory _app = fixture.App;

    private DeviceAuthCounters Counters => _app.Services.GetRequiredService<DeviceAuthCounters>();

    [Fact]
    public async Task MqttConnect_RightSecret_Accepted()
    {
        var secret = await _app.CreateDeviceAsync("auth-ok");

        Assert.Equal(MqttClientConnectResultCode.Success, await MqttTestClient.TryConnectAsync(_app.MqttPort, "auth-ok", secret));
    }

    [Fact]
    public async Task MqttConnect_WrongSecret_BadUserNameOrPasswordAndCounted()
    {
        await _app.CreateDeviceAsync("auth-wrong");
        var before = Counters.Refusals(CredentialRefusal.WrongSecret);

        var result = await MqttTestClient.TryConnectAsync(_app.MqttPort, "auth-wrong", DeviceSecret.Generate());

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
        Assert.Equal(before + 1, Counters.Refusals(CredentialRefusal.WrongSecret));
    }

    [Theory]
    [InlineData("auth-nobody", "whatever")]
    [InlineData(null, null)]
    public async Task MqttConnect_UnknownOrAnonymous_BadUserNameOrPasswordAndCounted(string? user, string? password)
    {
        var before = Counters.Refusals(CredentialRefusal.UnknownDevice);

        var result = await MqttTestClient.TryConnectAsync(_app.MqttPort, user, password);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
        Assert.Equal(before + 1, Counters.Refusals(CredentialRefusal.UnknownDevice));
    }

    [Fact]
    public async Task MqttConnect_Revoked_NotAuthorizedAndCounted()
    {
        var secret = await _app.CreateDeviceAsync("auth-revoked");
        (await _app.Http.PostAsync("/api/devices/auth-revoked/revoke", null)).EnsureSuccessStatusCode();
        var before = Counters.Refusals(CredentialRefusal.Revoked);

        var result = await MqttTestClient.TryConnectAsync(_app.MqttPort, "auth-revoked", secret);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result);
        Assert.Equal(before + 1, Counters.Refusals(CredentialRefusal.Revoked));
    }

    [Fact]
    public async Task MqttPublish_AnotherDevicesTopic_RefusedCountedNotStored()
    {
        await _app.CreateDeviceAsync("auth-victim");
        await using var attacker = await _app.ConnectDeviceAsync("auth-attacker");
        var before = Counters.Refusals(CredentialRefusal.ForeignTopic);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => attacker.PublishAsync("devices/auth-victim/telemetry", Reading));
        await attacker.PublishAsync("devices/auth-attacker/telemetry", Reading);

        Assert.Contains("NotAuthorized", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, Counters.Refusals(CredentialRefusal.ForeignTopic));
        Assert.True(attacker.IsConnected);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("auth-attacker") == 1, what: "the attacker's own reading stored");
        Assert.Equal(0, await _app.CountSamplesAsync("auth-victim"));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("revoke")]
    [InlineData("delete")]
    public async Task MqttConnection_CredentialsRotatedRevokedOrDeleted_ClosedAtOnce(string change)
    {
        var id = "auth-live-" + change;
        await using var device = await _app.ConnectDeviceAsync(id);
        await using var bystander = await _app.ConnectDeviceAsync(id + "-other");

        using var response = change == "delete"
            ? await _app.Http.DeleteAsync($"/api/devices/{id}")
            : await _app.Http.PostAsync($"/api/devices/{id}/{change}", null);

        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(!device.IsConnected), what: $"{id}'s connection closed");
        Assert.True(bystander.IsConnected);
    }

    [Fact]
    public async Task MqttConnection_DeviceEdited_StaysOpen()
    {
        await using var device = await _app.ConnectDeviceAsync("auth-live-edit");

        using var response = await _app.Http.PutAsync("/api/devices/auth-live-edit",
            new StringContent("""{"kind":"meter","name":"Renamed"}""", Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        await Task.Delay(300);
        Assert.True(device.IsConnected);
        await device.PublishAsync("devices/auth-live-edit/telemetry", Reading);
    }

    [Fact]
    public async Task MqttSubscribe_OwnTopicsGrantedOthersRefused()
    {
        await using var device = await _app.ConnectDeviceAsync("auth-sub");
        var before = Counters.Refusals(CredentialRefusal.ForeignTopic);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, await device.SubscribeAsync("devices/auth-sub/desired"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, await device.SubscribeAsync("devices/auth-sub/commands/#"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await device.SubscribeAsync("devices/+/telemetry"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await device.SubscribeAsync("devices/auth-other/telemetry"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await device.SubscribeAsync("#"));

        Assert.Equal(before + 3, Counters.Refusals(CredentialRefusal.ForeignTopic));
    }

    [Fact]
    public async Task HttpIngest_NoOrWrongBearer_401Problem()
    {
        await _app.CreateDeviceAsync("auth-http");

        using var none = await PostTelemetryAsync("auth-http", null);
        using var wrong = await PostTelemetryAsync("auth-http", DeviceSecret.Generate());

        await ApiJson.AssertProblemAsync(none, 401);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("WrongSecret", (await ApiJson.AssertProblemAsync(wrong, 401)).Reason());
    }

    [Fact]
    public async Task HttpIngest_Revoked_403Problem()
    {
        var secret = await _app.CreateDeviceAsync("auth-http-revoked");
        (await _app.Http.PostAsync("/api/devices/auth-http-revoked/revoke", null)).EnsureSuccessStatusCode();

        using var response = await PostTelemetryAsync("auth-http-revoked", secret);

        Assert.Equal("Revoked", (await ApiJson.AssertProblemAsync(response, 403)).Reason());
    }

    [Fact]
    public async Task HttpIngest_RightBearer_202AndStored()
    {
        var secret = await _app.CreateDeviceAsync("auth-http-ok");

        using var response = await PostTelemetryAsync("auth-http-ok", secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("auth-http-ok") == 1, what: "the reading stored");
    }

    [Fact]
    public async Task HttpIngest_UnknownDeviceByDefault_401AndNotRegistered()
    {
        using var response = await PostTelemetryAsync("auth-http-unknown", DeviceSecret.Generate());

        Assert.Equal("UnknownDevice", (await ApiJson.AssertProblemAsync(response, 401)).Reason());
        await Task.Delay(300);
        using var twin = await _app.Http.GetAsync("/api/devices/auth-http-unknown/registration");
        await ApiJson.AssertProblemAsync(twin, 404);
    }

    [Fact]
    public async Task HttpIngest_AfterRotation_OldSecret401NewSecret202()
    {
        var old = await _app.CreateDeviceAsync("auth-http-rotate");
        using var rotated = await _app.Http.PostAsync("/api/devices/auth-http-rotate/secret", null);
        var secret = System.Text.Json.JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString();

        using var withOld = await PostTelemetryAsync("auth-http-rotate", old);
        using var withNew = await PostTelemetryAsync("auth-http-rotate", secret);

        await ApiJson.AssertProblemAsync(withOld, 401);
        Assert.Equal(HttpStatusCode.Accepted, withNew.StatusCode);
    }

    private async Task<HttpResponseMessage> PostTelemetryAsync(string deviceId, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{deviceId}/telemetry")
        {
            Content = new StringContent(Reading, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return await _app.Http.SendAsync(request);
    }
}
