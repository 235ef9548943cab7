using System.Net;
using System.Text;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Accounts;

/// <summary>
/// Every endpoint and page of the running app, taken from its endpoint data source, against the roles table: anonymous
/// callers are refused (401 on the API, a redirect to sign-in on pages), each role gets exactly what the table grants
/// (403 otherwise), and an endpoint that nobody classified here fails the test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>The classification. A new endpoint must be added here on purpose, with the access it should have.</summary>
    private static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        // The open doors: signing in and out, devices reporting with their own secret, the API reference's own scripts.
        ["PAGE /account/login"] = Access.Anonymous,
        ["POST /account/logout"] = Access.Anonymous,
        ["POST /api/auth/token"] = Access.Anonymous,
        ["POST /api/devices/{id}/telemetry/"] = Access.Anonymous,
        ["PAGE /Error"] = Access.Anonymous,
        ["PAGE /not-found"] = Access.Anonymous,
        // Load balancers and orchestrators probe without credentials; each check's description is given only to a
        // caller with read access (see HealthReportWriter).
        ["* /health/live"] = Access.Anonymous,
        ["* /health/ready"] = Access.Anonymous,
        // The language switch: the sign-in page offers it before anyone is signed in (it only sets a cookie and redirects locally).
        ["GET /culture/set"] = Access.Anonymous,

        ["PAGE /account/access-denied"] = Access.SignedIn,
        ["PAGE /account/change-password"] = Access.SignedIn,
        ["PAGE /account"] = Access.SignedIn,
        ["PAGE /admin/users"] = Access.Admin,
        ["PAGE /admin/audit"] = Access.Admin,
        ["GET /api/audit/"] = Access.Admin,
        ["GET /api/audit/export"] = Access.Admin,
        ["POST /api/admin/backup"] = Access.Admin,
        ["GET /api/users/"] = Access.Admin,
        ["GET /api/users/{userName}"] = Access.Admin,
        ["POST /api/users/"] = Access.Admin,
        ["PUT /api/users/{userName}/roles"] = Access.Admin,
        ["POST /api/users/{userName}/disable"] = Access.Admin,
        ["POST /api/users/{userName}/enable"] = Access.Admin,
        ["POST /api/users/{userName}/reset-password"] = Access.Admin,
        ["POST /api/users/{userName}/unlock"] = Access.Admin,
        ["GET /api/auth/me"] = Access.Read,
        ["GET /api/auth/tokens"] = Access.Read,
        ["POST /api/auth/tokens"] = Access.Read,
        ["DELETE /api/auth/tokens/{id:long}"] = Access.Read,

        ["PAGE /"] = Access.Read,
        ["PAGE /devices"] = Access.Read,
        ["PAGE /devices/{DeviceId}"] = Access.Read,
        ["PAGE /alerts"] = Access.Read,
        ["PAGE /alerts/rules"] = Access.Read,
        ["PAGE /alerts/{Id:long}"] = Access.Read,
        ["PAGE /diagnostics"] = Access.Read,
        ["PAGE /maintenance"] = Access.Read,
        ["PAGE /gallery"] = Access.Read,
        ["PAGE /power"] = Access.Read,
        ["PAGE /power/provinces"] = Access.Read,
        ["PAGE /power/heatmap"] = Access.Read,
        ["PAGE /power/map"] = Access.Read,
        ["PAGE /power/districts/{Sido}/{Sigungu}"] = Access.Read,
        ["PAGE /power/forecasts"] = Access.Analyze,
        ["PAGE /power/import"] = Access.Analyze,

        ["GET /api/devices/"] = Access.Read,
        ["GET /api/devices/{id}"] = Access.Read,
        ["GET /api/devices/{id}/registration"] = Access.Read,
        ["GET /api/devices/{id}/telemetry/"] = Access.Read,
        ["GET /api/devices/{id}/telemetry/export"] = Access.Read,
        ["GET /api/devices/{id}/forecast"] = Access.Read,
        ["GET /api/devices/{id}/model"] = Access.Read,
        ["GET /api/devices/{id}/what-if"] = Access.Read,
        ["GET /api/maintenance/"] = Access.Read,
        ["POST /api/devices/"] = Access.Operate,
        ["PUT /api/devices/{id}"] = Access.Operate,
        ["POST /api/devices/{id}/secret"] = Access.Operate,
        ["POST /api/devices/{id}/revoke"] = Access.Operate,
        ["DELETE /api/devices/{id}"] = Access.Admin,
        ["GET /api/devices/{id}/twin"] = Access.Read,
        ["PATCH /api/devices/{id}/twin/desired"] = Access.Operate,
        ["POST /api/devices/{id}/commands/{name}"] = Access.Operate,
        ["GET /api/devices/{id}/commands"] = Access.Read,

        ["GET /api/alert-rules/"] = Access.Read,
        ["GET /api/alert-rules/{id:long}"] = Access.Read,
        ["POST /api/alert-rules/"] = Access.Operate,
        ["PUT /api/alert-rules/{id:long}"] = Access.Operate,
        ["DELETE /api/alert-rules/{id:long}"] = Access.Operate,
        ["GET /api/alerts/"] = Access.Read,
        ["GET /api/alerts/summary"] = Access.Read,
        ["GET /api/alerts/{id:long}"] = Access.Read,
        ["POST /api/alerts/{id:long}/ack"] = Access.Operate,
        ["POST /api/alerts/{id:long}/clear"] = Access.Operate,
        ["GET /api/silences/"] = Access.Read,
        ["POST /api/silences/"] = Access.Operate,
        ["DELETE /api/silences/{id:long}"] = Access.Operate,

        ["GET /api/diagnostics/ingest"] = Access.Read,
        ["GET /api/power/usage"] = Access.Read,
        ["GET /api/power/imports"] = Access.Read,
        ["GET /api/power/imports/{id:int}"] = Access.Read,
        ["POST /api/power/imports"] = Access.Analyze,
        ["GET /api/power/forecasts"] = Access.Analyze,
        ["GET /api/power/districts/boundaries"] = Access.Read,
        ["GET /api/power/districts/boundaries/report"] = Access.Read,

        ["GET /openapi/{documentName}.json"] = Access.Read,
        ["GET /scalar/{documentName?}"] = Access.Read,
        ["GET /scalar/favicon.svg"] = Access.Anonymous,
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Anonymous,
        ["GET /scalar/scalar.js"] = Access.Anonymous,
        ["* /metrics"] = Access.Metrics,

        // The framework's own: the circuit hub and helpers, and the file fallback; closed by the fallback policy.
        ["* /_blazor"] = Access.Read,
        ["* /_blazor/disconnect/"] = Access.Read,
        ["* /_blazor/initializers/"] = Access.Read,
        ["* /_blazor/negotiate"] = Access.Read,
        ["GET /_framework/opaque-redirect"] = Access.Read,
        ["GET /{**path:file}"] = Access.Read,
        ["HEAD /{**path:file}"] = Access.Read,
    };

    private static readonly Dictionary<string, Access[]> RoleGrants = new()
    {
        [Roles.Viewer] = [Access.SignedIn, Access.Read],
        [Roles.Operator] = [Access.SignedIn, Access.Read, Access.Operate],
        [Roles.Analyst] = [Access.SignedIn, Access.Read, Access.Analyze],
        [Roles.Admin] = [Access.SignedIn, Access.Read, Access.Operate, Access.Analyze, Access.Admin, Access.Metrics],
    };

    private DigitalTwinAppFactory App => fixture.App;

    [Fact]
    public void Endpoints_EveryOneIsClassified_AndOnlyTheAllowListIsAnonymous()
    {
        var endpoints = Routed();
        var unclassified = endpoints.Where(e => !Expected.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unclassified.Count == 0, "Endpoints nobody classified (add them to Expected with their access):\n" + string.Join("\n", unclassified));
        var stale = Expected.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "Classified but gone:\n" + string.Join("\n", stale));
        var wronglyOpen = endpoints.Where(e => e.AllowsAnonymous != (Expected[e.Key] == Access.Anonymous)).Select(e => e.Key).ToList();
        Assert.True(wronglyOpen.Count == 0, "Anonymous access differs from the allow-list:\n" + string.Join("\n", wronglyOpen));
    }

    [Fact]
    public void StaticAssets_AreTheOnlyOtherAnonymousEndpoints()
    {
        var assets = AppEndpoint.All(App.Services).Where(IsStaticAsset).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.True(a.AllowsAnonymous, a.Key));
    }

    [Fact]
    public async Task Anonymous_IsRefusedEverywhereButTheAllowList()
    {
        var problems = new StringBuilder();
        foreach (var endpoint in Checkable().Where(e => Expected[e.Key] != Access.Anonymous))
        {
            using var response = await SendAsync(App.AnonymousHttp, endpoint);
            var ok = endpoint.IsPage || endpoint.Route.StartsWith("/scalar", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal)
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok)
            {
                problems.AppendLine($"{endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(problems.Length == 0, "Anonymous requests that were not refused:\n" + problems);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public async Task Role_GetsExactlyWhatTheTableGrants(string role)
    {
        var userName = $"access-{role.ToLowerInvariant()}";
        using var api = await App.ClientForNewUserAsync(userName, role);
        using var pages = await CookieSignIn.ClientAsync(App.BaseAddress, userName, TestUsers.Password);
        var problems = new StringBuilder();
        foreach (var endpoint in Checkable().Where(e => Expected[e.Key] != Access.Anonymous))
        {
            var allowed = RoleGrants[role].Contains(Expected[endpoint.Key]);
            using var response = await SendAsync(endpoint.IsPage ? pages : api, endpoint);
            var refused = endpoint.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal)
                : response.StatusCode == HttpStatusCode.Forbidden;
            var unauthenticated = response.StatusCode == HttpStatusCode.Unauthorized
                || response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
            if (unauthenticated || refused == allowed)
            {
                problems.AppendLine($"{endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location} (expected {(allowed ? "allowed" : "refused")})");
            }
        }
        Assert.True(problems.Length == 0, $"{role}:\n" + problems);
    }

    [Fact]
    public async Task Metrics_NeedsAnAdminOrTheScrapeToken()
    {
        using var viewer = await App.ClientForNewUserAsync("metrics-viewer", Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.AnonymousHttp.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Http.GetAsync("/metrics")).StatusCode);
    }

    private IReadOnlyList<AppEndpoint> Routed() => AppEndpoint.All(App.Services).Where(e => !IsStaticAsset(e)).ToList();

    /// <summary>What can be called with a plain request: not the circuit hub, not the framework's helpers.</summary>
    private IEnumerable<AppEndpoint> Checkable() => Routed().Where(e => e.Method != "*" || e.Route == "/metrics")
        .Where(e => !e.Route.StartsWith("/_", StringComparison.Ordinal) && !e.Route.StartsWith("/{**", StringComparison.Ordinal));

    private static bool IsStaticAsset(AppEndpoint endpoint) =>
        endpoint.Endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoint endpoint)
    {
        var method = endpoint.Method is "PAGE" or "*" ? "GET" : endpoint.Method;
        var request = new HttpRequestMessage(new HttpMethod(method), endpoint.SampleUrl());
        if (method is "POST" or "PUT" or "PATCH")
        {
            var accepts = endpoint.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>();
            request.Content = accepts?.ContentTypes.Contains("multipart/form-data") == true
                ? new MultipartFormDataContent()
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}
