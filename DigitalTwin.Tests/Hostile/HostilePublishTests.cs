using DigitalTwin.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;

namespace DigitalTwin.Tests.Hostile;

/// <summary>
/// Issue 16: a refused publish is never acknowledged as if it were taken. MQTT 5 clients get a failure reason code
/// in the PUBACK; MQTT 3.1.1 clients, whose PUBACK cannot say no, lose the connection instead.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostilePublishTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    private const string Reading = """{"temperature":21.5}""";
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Publish_Mqtt5PayloadOverTelemetryLimit_QuotaExceededNotStored()
    {
        await using var device = await _app.ConnectDeviceAsync("hp-large");

        var result = await device.TryPublishAsync("devices/hp-large/telemetry", """{"temperature":1}""" + new string(' ', 70_000));

        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, result);
        Assert.True(device.IsConnected);
        await device.PublishAsync("devices/hp-large/telemetry", Reading);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("hp-large") == 1, what: "only the good reading stored");
    }

    [Fact]
    public async Task Publish_Mqtt5InvalidJson_PayloadFormatInvalid()
    {
        await using var device = await _app.ConnectDeviceAsync("hp-json");

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, await device.TryPublishAsync("devices/hp-json/telemetry", """{"temperature":"""));
        Assert.True(device.IsConnected);
    }

    [Fact]
    public async Task Publish_OverMaxPacketSize_ConnectionClosedNotStored()
    {
        await using var device = await _app.ConnectDeviceAsync("hp-huge");

        MQTTnet.MqttClientPublishReasonCode? result = null;
        try
        {
            result = await device.TryPublishAsync("devices/hp-huge/telemetry", new byte[300_000]);
        }
        catch (Exception)
        {
            // Closed before any acknowledgement: what should happen.
        }

        Assert.True(result is null, $"A packet over the maximum packet size was acknowledged: {result}");

        await Eventually.TrueAsync(() => Task.FromResult(!device.IsConnected), what: "the connection to be closed");
        Assert.Equal(0, await _app.CountSamplesAsync("hp-huge"));
    }

    [Theory]
    [InlineData("devices/hp-v3-victim/telemetry", Reading)]
    [InlineData("devices/hp-v3/telemetry", """{"temperature":""")]
    [InlineData("devices/hp-v3/status", "sleeping")]
    public async Task Publish_Mqtt311RefusedQoS1_DisconnectedNotAcknowledged(string topic, string payload)
    {
        await _app.EnsureDeviceAsync("hp-v3-victim");
        var secret = await _app.EnsureDeviceAsync("hp-v3");
        var options = MqttTestClient.Builder(_app.MqttPort, null, "hp-v3", secret).WithProtocolVersion(MqttProtocolVersion.V311).Build();
        await using var device = await MqttTestClient.ConnectAsync(options);
        Assert.True(device.IsConnected);

        await Assert.ThrowsAnyAsync<Exception>(() => device.PublishAsync(topic, payload));

        await Eventually.TrueAsync(() => Task.FromResult(!device.IsConnected), what: "the MQTT 3.1.1 connection to be closed");
        Assert.Equal(0, await _app.CountSamplesAsync("hp-v3-victim"));
    }

    [Fact]
    public async Task Publish_Mqtt311Accepted_AcknowledgedAndStored()
    {
        var secret = await _app.EnsureDeviceAsync("hp-v3-ok");
        var options = MqttTestClient.Builder(_app.MqttPort, null, "hp-v3-ok", secret).WithProtocolVersion(MqttProtocolVersion.V311).Build();
        await using var device = await MqttTestClient.ConnectAsync(options);

        await device.PublishAsync("devices/hp-v3-ok/telemetry", Reading);

        Assert.Equal(1, await _app.CountSamplesAsync("hp-v3-ok"));
        Assert.True(device.IsConnected);
    }
}
