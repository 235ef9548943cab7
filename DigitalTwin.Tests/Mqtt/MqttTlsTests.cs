using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Infrastructure;
using MQTTnet;

namespace DigitalTwin.Tests.Mqtt;

/// <summary>The embedded broker over TLS (Mqtt:Tls:*), so device secrets do not cross a network in clear.</summary>
[Collection(AppCollection.Name)]
public sealed class MqttTlsTests : IAsyncLifetime
{
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly DigitalTwinAppFactory _app = new();
    private readonly int _tlsPort = FreePort.Tcp();

    public async Task InitializeAsync()
    {
        _app.Settings["Mqtt:Tls:Port"] = _tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.Settings["Mqtt:Tls:CertificatePath"] = _certificate.PfxPath;
        _app.Settings["Mqtt:Tls:CertificatePassword"] = TestCertificate.Password;
        _app.Settings["Mqtt:AllowPlainText"] = "false";
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task Publish_OverTls_StoredAndAcknowledged()
    {
        var secret = await _app.CreateDeviceAsync("tls-1");
        await using var device = await MqttTestClient.ConnectAsync(TlsOptions("tls-1", secret));

        await device.PublishAsync("devices/tls-1/telemetry", """{"temperature":21.5}""");

        Assert.Equal(1, await _app.CountSamplesAsync("tls-1"));
    }

    [Fact]
    public async Task Connect_PlainTextToTlsPort_Fails()
    {
        var secret = await _app.CreateDeviceAsync("tls-plain");
        using var client = new MqttClientFactory().CreateMqttClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(MqttTestClient.Options(_tlsPort, null, "tls-plain", secret)));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_PlainTextPortWhenPlainTextOff_Refused()
    {
        var secret = await _app.CreateDeviceAsync("tls-off");
        using var client = new MqttClientFactory().CreateMqttClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(MqttTestClient.Options(_app.MqttPort, null, "tls-off", secret)));
    }

    [Fact]
    public void Load_PemWithCertificateAndKey_HasPrivateKey()
    {
        using var loaded = ServerCertificate.Load(new MqttTlsOptions { CertificatePath = _certificate.PemPath });

        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(_certificate.Certificate.Thumbprint, loaded.Thumbprint);
    }

    private MqttClientOptions TlsOptions(string deviceId, string secret) =>
        MqttTestClient.Builder(_tlsPort, null, deviceId, secret)
            .WithTlsOptions(tls => tls.UseTls().WithTargetHost("localhost").WithCertificateValidationHandler(e => _certificate.IsThis(e.Certificate)))
            .Build();
}
