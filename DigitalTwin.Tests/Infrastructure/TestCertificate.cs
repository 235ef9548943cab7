using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>A self-signed server certificate for localhost / 127.0.0.1, made in the test, written as PFX and as PEM.</summary>
public sealed class TestCertificate : IDisposable
{
    public const string Password = "test-password";

    private TestCertificate(X509Certificate2 certificate, string directory)
    {
        Certificate = certificate;
        Directory = directory;
    }

    public X509Certificate2 Certificate { get; }

    public string Directory { get; }

    public string PfxPath => Path.Combine(Directory, "broker.pfx");

    /// <summary>Certificate and unencrypted key in one PEM file.</summary>
    public string PemPath => Path.Combine(Directory, "broker.pem");

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "broker.pfx"), certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(Path.Combine(directory, "broker.pem"), certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificate, directory);
    }

    /// <summary>Trusts exactly this certificate (pinned), as a device given the broker's certificate would.</summary>
    public bool IsThis(X509Certificate? presented) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString();

    public void Dispose()
    {
        Certificate.Dispose();
        DigitalTwinAppFactory.DeleteDirectory(Directory);
    }
}
