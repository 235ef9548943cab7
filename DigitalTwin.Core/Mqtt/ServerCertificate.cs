using System.Security.Cryptography.X509Certificates;

namespace DigitalTwin.Core.Mqtt;

/// <summary>Loads the embedded broker's TLS certificate: PKCS#12 (.pfx/.p12) or PEM (certificate and key in one file or two).</summary>
public static class ServerCertificate
{
    public static X509Certificate2 Load(MqttTlsOptions tls)
    {
        var path = tls.CertificatePath ?? throw new InvalidOperationException("Mqtt:Tls:CertificatePath is not set.");
        var certificate = IsPem(path) ? LoadPem(path, tls.KeyPath ?? path, tls.CertificatePassword) : X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException("The certificate has no private key (for PEM, add the key to the file or set Mqtt:Tls:KeyPath).");
        }
        return certificate;
    }

    /// <summary>Null when the configured certificate loads; otherwise what is wrong, naming the setting.</summary>
    public static string? Check(MqttTlsOptions tls)
    {
        if (!File.Exists(tls.CertificatePath))
        {
            return $"Mqtt:Tls:CertificatePath: no file at '{Path.GetFullPath(tls.CertificatePath!)}'.";
        }
        if (tls.KeyPath is { } key && !File.Exists(key))
        {
            return $"Mqtt:Tls:KeyPath: no file at '{Path.GetFullPath(key)}'.";
        }
        try
        {
            using var certificate = Load(tls);
            return null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return $"Mqtt:Tls:CertificatePath: cannot read '{tls.CertificatePath}' (is Mqtt:Tls:CertificatePassword right?): {ex.Message}";
        }
    }

    private static X509Certificate2 LoadPem(string certificatePath, string keyPath, string? password) =>
        string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);

    private static bool IsPem(string path)
    {
        Span<byte> start = stackalloc byte[11];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start[..read].SequenceEqual("-----BEGIN "u8);
    }
}
