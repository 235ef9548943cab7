using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitalTwin.Web.Security;

/// <summary>
/// Scalar's API reference page (/scalar/v1) configures itself with an inline module script that takes no nonce. Rather
/// than allow every inline script there, the page is read as served (it is under a kilobyte) and the hashes of its
/// inline scripts go into its Content-Security-Policy.
/// </summary>
public sealed partial class ScalarPage(RequestDelegate next)
{
    private const string HashesKey = "dt:csp-script-hashes";

    /// <summary>The reference page itself (/scalar, /scalar/v1), not its script and style files.</summary>
    public static bool Matches(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/scalar", out var rest) && !(rest.Value ?? "").Contains('.', StringComparison.Ordinal);

    /// <summary>The hashes of the page's inline scripts, once it has been rendered; null for any other response.</summary>
    public static IReadOnlyList<string>? ScriptHashes(HttpContext context) => context.Items[HashesKey] as IReadOnlyList<string>;

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            context.Items[HashesKey] = InlineScript().Matches(html)
                .Select(m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value))))
                .ToList();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
