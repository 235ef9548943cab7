using System.Net;
using System.Text;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>GET /api/devices/{id}/telemetry/export: the device's history as a CSV download.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task Export_PostedReadings_CsvAttachmentWithARowPerTimestamp()
    {
        var t0 = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var body = $$"""[{"ts":"{{t0:O}}","temperature":20.5,"humidity":40},{"ts":"{{t0.AddSeconds(10):O}}","temperature":21}]""";
        using var post = await _app.PostTelemetryAsync("csv-1", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        await Eventually.TrueAsync(async () => await _app.CountSamplesAsync("csv-1") == 3, what: "3 samples of csv-1");

        using var response = await _app.Http.GetAsync($"/api/devices/csv-1/telemetry/export?from={Uri.EscapeDataString($"{t0.AddMinutes(-1):O}")}&to={Uri.EscapeDataString($"{t0.AddMinutes(1):O}")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("csv-1_", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["timestamp,humidity,temperature", "2026-01-02T03:04:05.000Z,40,20.5", "2026-01-02T03:04:15.000Z,,21"], lines);
    }

    [Fact]
    public async Task Export_UnknownDevice_404Problem()
    {
        using var response = await _app.Http.GetAsync("/api/devices/never-seen/telemetry/export");

        await ApiJson.AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task Export_FromAfterTo_400Problem()
    {
        using var response = await _app.Http.GetAsync("/api/devices/csv-1/telemetry/export?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Contains("'from'", problem.Detail, StringComparison.Ordinal);
    }
}
