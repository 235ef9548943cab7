using System.Security.Cryptography;
using DigitalTwin.Web.Accounts;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Security;

/// <summary>
/// Security headers on every response — pages, API, static files, errors and refusals alike. They are set when the
/// response starts, so the exception handler and status-code pages (which clear headers) cannot drop them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<OidcOptions> oidc)
{
    private const string NonceKey = "dt:csp-nonce";

    private readonly ContentSecurityPolicy _policy = new(oidc.Value.Authority);

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy.For(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>This request's script nonce, for the few inline scripts of a page (Blazor's import map, Scalar's configuration).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;
}

public static class SecurityHeadersExtensions
{
    /// <summary>First in the pipeline: security headers on every response; HSTS on HTTPS requests outside Development.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
