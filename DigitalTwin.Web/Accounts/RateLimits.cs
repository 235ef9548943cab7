using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitalTwin.Web.Accounts;

/// <summary>Rate limits (ASP.NET Core's limiter): refused requests get 429 with Retry-After.</summary>
public static class RateLimits
{
    /// <summary>Sign-in page posts and POST /api/auth/token, per client address.</summary>
    public const string SignIn = "sign-in";

    public static IServiceCollection AddDigitalTwinRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignIn, context => PerAddress(context, perMinute));
            // The sign-in page is a Blazor page; only its form posts count.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPagePath)
                    ? PerAddress(context, perMinute)
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    public const string SignInPagePath = "/account/login";

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
