using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Core.Accounts;

/// <summary>
/// Personal API tokens look like <c>dtu_</c> + 32 random bytes in base64url. The prefix lets the API tell a user token
/// from a device secret at a glance (and secret scanners recognise a leaked one); only the SHA-256 hash is stored.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "dtu_";
    private const int SecretBytes = 32;

    /// <summary>How much of a token lists show: the prefix and a few characters.</summary>
    public const int ShownLength = 10;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool LooksLikeToken(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length < 100;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
