using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Core.Devices;

/// <summary>
/// Device secrets: 32 random bytes in base64url, stored as SHA-256(salt ‖ secret) with a 16-byte per-device salt.
/// A fast hash is enough because the secret is random: 256 bits cannot be guessed however cheap each try is, so
/// PBKDF2's stretching would buy nothing and would cost milliseconds on every MQTT connect (thousands at once
/// when a fleet reconnects after a restart). The salt keeps equal secrets from having equal hashes.
/// </summary>
public static class DeviceSecret
{
    public const int SecretBytes = 32;
    public const int SaltBytes = 16;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static byte[] Hash(string secret, byte[] salt)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    /// <summary>Constant-time, so response timing does not reveal how much of a guess matched.</summary>
    public static bool Matches(string? secret, byte[] salt, byte[] hash) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(Hash(secret, salt), hash);
}
