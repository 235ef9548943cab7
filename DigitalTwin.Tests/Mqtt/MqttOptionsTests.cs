using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Mqtt;

public sealed class MqttOptionsTests
{
    private readonly MqttOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new MqttOptions()).Succeeded);
    }

    [Fact]
    public void Validate_MissingCertificateFile_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new MqttOptions { Tls = { CertificatePath = "/nowhere/broker.pfx" } });

        Assert.True(result.Failed);
        Assert.Contains("Mqtt:Tls:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongCertificatePassword_FailsNamingTheKey()
    {
        using var certificate = TestCertificate.Create();

        var result = _validator.Validate(null, new MqttOptions { Tls = { CertificatePath = certificate.PfxPath, CertificatePassword = "wrong" } });

        Assert.True(result.Failed);
        Assert.Contains("Mqtt:Tls:CertificatePassword", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainTextOffWithoutCertificate_Fails()
    {
        var result = _validator.Validate(null, new MqttOptions { AllowPlainText = false });

        Assert.True(result.Failed);
        Assert.Contains("Mqtt:AllowPlainText", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(MqttOptions.MaxPacketSize), 100)]
    [InlineData(nameof(MqttOptions.MaxConnections), 0)]
    [InlineData(nameof(MqttOptions.MaxConnectionsPerAddress), 0)]
    [InlineData(nameof(MqttOptions.MaxPendingConnections), 0)]
    [InlineData(nameof(MqttOptions.MaxClientIdLength), 10)]
    public void Validate_LimitOutOfRange_FailsNamingIt(string key, int value)
    {
        var options = new MqttOptions();
        typeof(MqttOptions).GetProperty(key)!.SetValue(options, value);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Mqtt:{key}", result.FailureMessage, StringComparison.Ordinal);
    }
}
