using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Accounts;

/// <summary>
/// Rate limits (ASP.NET Core's limiter), set under <c>RateLimits</c>: sign-in per client address, each personal API
/// token, and telemetry posts per device. A refused request gets 429 with Retry-After and a ProblemDetails body that
/// names the limit.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in page posts and POST /api/auth/token, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>POST /api/devices/{id}/telemetry, per device id in the route.</summary>
    public const string Telemetry = "telemetry";

    public const string SignInPagePath = "/account/login";

    // Which limit a request was last measured against: the one that refused it, since a chain stops at a refusal.
    private const string LimitKey = "dt:rate-limit";

    private sealed record Limit(string Reason, Func<RateLimitOptions, string> Describe);

    private static readonly Limit SignInLimit = new("SignInRateLimit",
        o => $"At most {o.SignInPerMinute} sign-in attempts a minute are accepted from one address (RateLimits:SignInPerMinute).");

    private static readonly Limit TokenLimit = new("ApiTokenRateLimit",
        o => $"One API token may make {o.ApiTokenBurst} requests at once and {o.ApiTokenPerSecond} a second after that "
            + "(RateLimits:ApiTokenBurst, RateLimits:ApiTokenPerSecond).");

    private static readonly Limit TelemetryLimit = new("TelemetryRateLimit",
        o => $"One device may post telemetry {o.TelemetryBurst} times at once and {o.TelemetryPerSecond} times a second after that "
            + "(RateLimits:TelemetryBurst, RateLimits:TelemetryPerSecond).");

    public static IServiceCollection AddDigitalTwinRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(SignIn, PerAddress);
            o.AddPolicy(Telemetry, PerDevice);
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                // The sign-in page is a Blazor page; only its form posts count.
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPagePath)
                        ? PerAddress(context)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(PerToken));
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerAddress(HttpContext context)
    {
        context.Items[LimitKey] = SignInLimit;
        var perMinute = Options(context).SignInPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    /// <summary>Requests made with a personal API token, per token; cookie (browser) requests are not limited here.</summary>
    private static RateLimitPartition<string> PerToken(HttpContext context)
    {
        var tokenId = context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value;
        if (tokenId is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        context.Items[LimitKey] = TokenLimit;
        var options = Options(context);
        return RateLimitPartition.GetTokenBucketLimiter(tokenId, _ => Bucket(options.ApiTokenBurst, options.ApiTokenPerSecond));
    }

    private static RateLimitPartition<string> PerDevice(HttpContext context)
    {
        context.Items[LimitKey] = TelemetryLimit;
        var options = Options(context);
        var deviceId = context.Request.RouteValues["id"] as string ?? "";
        return RateLimitPartition.GetTokenBucketLimiter(deviceId, _ => Bucket(options.TelemetryBurst, options.TelemetryPerSecond));
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limit = context.Items[LimitKey] as Limit ?? SignInLimit;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"{limit.Describe(Options(context))} Try again in {seconds} s.",
            Extensions = { ["reason"] = limit.Reason },
        };
        var written = await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        if (!written)
        {
            await context.Response.WriteAsJsonAsync(problem, cancellationToken);
        }
    }
}
