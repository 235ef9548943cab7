using System.Net;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Security;

/// <summary>The security headers on every kind of response, over real HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Theory]
    [InlineData("/api/devices", true, HttpStatusCode.OK)]
    [InlineData("/account/login", false, HttpStatusCode.OK)]
    [InlineData("/app.css", false, HttpStatusCode.OK)]
    [InlineData("/favicon.svg", false, HttpStatusCode.OK)]
    [InlineData("/api/no-such-thing", true, HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", true, HttpStatusCode.NotFound)]
    [InlineData("/api/devices", false, HttpStatusCode.Unauthorized)]
    [InlineData("/openapi/v1.json", false, HttpStatusCode.Unauthorized)]
    public async Task Get_AnyResponse_CarriesSecurityHeaders(string path, bool withToken, HttpStatusCode expected)
    {
        using var response = await (withToken ? _app.Http : _app.AnonymousHttp).GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Get_Page_ScriptNonceIsNewEachTimeAndOnTheImportMap()
    {
        var first = await NonceAsync();
        var second = await NonceAsync();

        Assert.NotEqual(first, second);

        async Task<string> NonceAsync()
        {
            using var response = await _app.AnonymousHttp.GetAsync("/account/login");
            var policy = Policy(response);
            var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
            return nonce;
        }
    }

    [Fact]
    public async Task Get_ScalarPage_InlineScriptsCarryTheNonceAndNothingComesFromACdn()
    {
        using var response = await _app.Http.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        var nonce = System.Text.RegularExpressions.Regex.Match(Policy(response), "'nonce-([^']+)'").Groups[1].Value;
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
        Assert.DoesNotMatch("https?://", string.Join(" ", scripts));
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Policy(response);
        Assert.Equal("'none'", Directive(policy, "frame-ancestors"));
        Assert.Equal("'self'", Directive(policy, "default-src"));
        Assert.Equal("'none'", Directive(policy, "object-src"));
        var scripts = Directive(policy, "script-src");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        // Plain HTTP: HSTS would be ignored by browsers and is not sent.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

    public static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..]
        ?? throw new Xunit.Sdk.XunitException($"no {name} in {policy}");
}
