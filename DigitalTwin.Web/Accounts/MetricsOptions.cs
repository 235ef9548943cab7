using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

/// <summary>Settings under <c>Metrics</c>: who may scrape /metrics besides a signed-in admin.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>A Prometheus scraper sends <c>Authorization: Bearer &lt;ScrapeToken&gt;</c>; null: admins only.</summary>
    public string? ScrapeToken { get; set; }

    public static bool IsScraper(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.ScrapeToken;
        var sent = ApiTokenAuthenticationHandler.BearerToken(context.Request);
        return !string.IsNullOrEmpty(expected) && sent is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }
}
