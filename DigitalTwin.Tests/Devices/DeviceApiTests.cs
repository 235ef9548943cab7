using System.Net;
using System.Text;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Devices;

/// <summary>The device and history endpoints' errors, and the OpenAPI document, over real HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Known = "api-known";
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task GetDevice_Unknown_404Problem()
    {
        using var response = await _app.Http.GetAsync("/api/devices/nope");

        var problem = await ApiJson.AssertProblemAsync(response, 404);
        Assert.Contains("'nope'", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("it-1%0A")]
    public async Task GetDevice_InvalidId_400Problem(string escapedId)
    {
        using var response = await _app.Http.GetAsync($"/api/devices/{escapedId}");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Contains("not a valid device id", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDevices_AfterTelemetry_IncludesTheDevice()
    {
        await EnsureKnownDeviceAsync();

        var json = await _app.Http.GetStringAsync("/api/devices");

        var ids = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains(Known, ids);
    }

    [Theory]
    [InlineData("", "'metric'")]
    [InlineData("metric=", "'metric'")]
    [InlineData("metric=1bad", "'metric'")]
    [InlineData("metric=temperature&from=2024-05-01T10:00:00Z&to=2024-05-01T10:00:00Z", "must be before 'to'")]
    [InlineData("metric=temperature&from=2024-05-01T11:00:00Z&to=2024-05-01T10:00:00Z", "must be before 'to'")]
    [InlineData("metric=temperature&from=2020-01-01T00:00:00Z&to=2024-05-01T00:00:00Z", "400 days")]
    [InlineData("metric=temperature&from=yesterday", "'from'")]
    [InlineData("metric=temperature&to=99999999999999999", "'to'")]
    [InlineData("metric=temperature&agg=median", "'agg'")]
    [InlineData("metric=temperature&agg=", "'agg'")]
    [InlineData("metric=temperature&interval=fast", "'interval'")]
    [InlineData("metric=temperature&interval=0s", "'interval'")]
    [InlineData("metric=temperature&interval=99999999999999999s", "'interval'")]
    public async Task GetHistory_InvalidQuery_400Problem(string query, string detail)
    {
        await EnsureKnownDeviceAsync();

        using var response = await _app.Http.GetAsync($"/api/devices/{Known}/telemetry?{query}");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHistory_UnknownDevice_404Problem()
    {
        using var response = await _app.Http.GetAsync("/api/devices/nope/telemetry?metric=temperature");

        await ApiJson.AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task GetHistory_KnownDeviceUnknownMetric_200Empty()
    {
        await EnsureKnownDeviceAsync();

        var series = await _app.Http.GetHistoryAsync(Known, "metric=pressure");

        Assert.Equal("pressure", series.Metric);
        Assert.Empty(series.Points);
    }

    [Fact]
    public async Task GetUnknownApiRoute_404Problem()
    {
        using var response = await _app.Http.GetAsync("/api/no-such-thing");

        await ApiJson.AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task GetOpenApiDocument_ListsDeviceAndTelemetryOperations()
    {
        var json = await _app.Http.GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/devices").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/devices/{id}").TryGetProperty("get", out _));
        var telemetry = paths.GetProperty("/api/devices/{id}/telemetry");
        Assert.True(telemetry.TryGetProperty("get", out var get));
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "metric");
        Assert.True(telemetry.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/api/diagnostics/ingest").TryGetProperty("get", out _));
    }

    private async Task EnsureKnownDeviceAsync()
    {
        using var content = new StringContent("""{"temperature":20}""", Encoding.UTF8, "application/json");
        using var response = await _app.PostTelemetryAsync(Known, content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.MatchAsync(() => _app.Http.GetTwinAsync(Known), t => t is not null, what: "the known device's twin");
    }
}
