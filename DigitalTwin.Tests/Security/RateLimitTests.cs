using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Security;

/// <summary>An app with low limits, so each can be reached in a few requests.</summary>
public sealed class LowRateLimitsAppFixture : IAsyncLifetime
{
    public const int SignInPerMinute = 3;
    public const int Burst = 4;

    public DigitalTwinAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["RateLimits:SignInPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["RateLimits:ApiTokenBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["RateLimits:ApiTokenPerSecond"] = "1";
        App.Settings["RateLimits:TelemetryBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["RateLimits:TelemetryPerSecond"] = "1";
        return App.StartAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>Each rate limit with real HTTP against the app: 429, Retry-After, a ProblemDetails naming the limit; per partition.</summary>
[Collection(AppCollection.Name)]
public sealed class RateLimitTests(LowRateLimitsAppFixture fixture) : IClassFixture<LowRateLimitsAppFixture>
{
    private const int Burst = LowRateLimitsAppFixture.Burst;
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task SignInPage_TooManyPosts_429WithRetryAfterAndProblem()
    {
        using var session = new FormSession(_app);
        var token = await session.AntiforgeryTokenAsync("/account/login");

        var (passed, refused) = await UntilRefusedAsync(() =>
            session.PostFormAsync("/account/login", FormSession.SignInFields("nobody-here", "wrong-password", token)));

        // Wrong passwords are answered on the page (200) until the limit; the posts before it all got through.
        Assert.Equal(LowRateLimitsAppFixture.SignInPerMinute, passed);
        await AssertRefusedAsync(refused, "SignInRateLimit", "RateLimits:SignInPerMinute", maxRetryAfter: 60);
    }

    [Fact]
    public async Task AuthToken_TooManyAttempts_429WithRetryAfterAndProblem()
    {
        // The factory's own sign-in for the admin's token may have used one attempt of this minute already.
        var (passed, refused) = await UntilRefusedAsync(() =>
            _app.AnonymousHttp.PostAsJsonAsync("/api/auth/token", new { userName = "nobody-here", password = "wrong-password" }));

        Assert.InRange(passed, 1, LowRateLimitsAppFixture.SignInPerMinute);
        await AssertRefusedAsync(refused, "SignInRateLimit", "RateLimits:SignInPerMinute", maxRetryAfter: 60);
    }

    [Fact]
    public async Task ApiToken_BurstSpent_429ForThatTokenOnly()
    {
        await TestUsers.CreateAsync(_app.Services, "rate-a", TestUsers.Password, "Viewer");
        using var first = _app.NewClient(await TestUsers.TokenAsync(_app.Services, "rate-a"));
        using var second = _app.NewClient(await TestUsers.TokenAsync(_app.Services, "rate-a"));

        var (passed, refused) = await UntilRefusedAsync(() => first.GetAsync("/api/auth/me"));

        // The bucket refills one a second, so a slow machine may get one or two more than the burst before the refusal.
        Assert.InRange(passed, Burst, Burst + 3);
        await AssertRefusedAsync(refused, "ApiTokenRateLimit", "RateLimits:ApiTokenBurst", maxRetryAfter: 2);
        // Another token of the same user has its own bucket.
        using var other = await second.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Telemetry_BurstSpent_429ForThatDeviceOnly()
    {
        var (passed, refused) = await UntilRefusedAsync(() => _app.PostTelemetryAsync("rate-device-1", Reading()));

        Assert.InRange(passed, Burst, Burst + 3);
        await AssertRefusedAsync(refused, "TelemetryRateLimit", "RateLimits:TelemetryBurst", maxRetryAfter: 2);
        using var other = await _app.PostTelemetryAsync("rate-device-2", Reading());
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task Telemetry_AfterRetryAfter_AcceptedAgain()
    {
        var (_, refused) = await UntilRefusedAsync(() => _app.PostTelemetryAsync("rate-device-3", Reading()));
        var wait = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        refused.Dispose();

        await Task.Delay(TimeSpan.FromSeconds(wait) + TimeSpan.FromMilliseconds(200));

        using var again = await _app.PostTelemetryAsync("rate-device-3", Reading());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    private static StringContent Reading() => new("""{"temperature":21.5}""", Encoding.UTF8, "application/json");

    /// <summary>Sends until the first 429 (at most 30 requests): how many got through before it, and the refusal.</summary>
    private static async Task<(int Passed, HttpResponseMessage Refused)> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var passed = 0; passed < 30; passed++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (passed, response);
            }
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized,
                $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
        }
        throw new Xunit.Sdk.XunitException("30 requests and no 429");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage refused, string reason, string setting, int maxRetryAfter)
    {
        using (refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, maxRetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            Assert.Contains(setting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
