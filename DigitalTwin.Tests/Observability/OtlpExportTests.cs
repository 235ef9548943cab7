using System.Net;
using System.Text;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Observability;

namespace DigitalTwin.Tests.Observability;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, the app exports traces and logs over OTLP under its own service name.</summary>
[Collection(AppCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task TelemetryPost_WithOtlpEndpoint_ExportsHttpIngestAndCommitSpansUnderTheServiceName()
    {
        using var collector = new OtlpCollector();
        await using var app = await StartExportingAsync(collector);

        using var response = await app.PostTelemetryAsync("otlp-1", new StringContent("""{"temperature":21.5}""", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");

        // Spans are exported as they end, in separate exports: wait for all three.
        string[] spans = [IngestTracing.CommitSpan, IngestTracing.BatchSpan, "POST /api/devices/{id}/telemetry"];
        var traces = await Eventually.MatchAsync(() => Task.FromResult(collector.Received("/v1/traces")),
            t => spans.All(span => t.Contains(span, StringComparison.Ordinal)), TimeSpan.FromSeconds(20), string.Join(", ", spans) + " exported");
        Assert.Contains(ObservabilityExtensions.DefaultServiceName, traces, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown_service", traces, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => Task.FromResult(collector.Received("/v1/logs").Length > 0), TimeSpan.FromSeconds(20), "logs exported");
    }

    [Fact]
    public async Task HealthProbe_WithOtlpEndpoint_NotTraced()
    {
        using var collector = new OtlpCollector();
        await using var app = await StartExportingAsync(collector);

        using var probe = await app.AnonymousHttp.GetAsync("/health/ready");
        using var devices = await app.Http.GetAsync("/api/devices");
        Assert.Equal(HttpStatusCode.OK, devices.StatusCode);

        var traces = await Eventually.MatchAsync(() => Task.FromResult(collector.Received("/v1/traces")),
            t => t.Contains("GET /api/devices", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the API request's span exported");
        Assert.DoesNotContain("/health/ready", traces, StringComparison.Ordinal);
    }

    private static async Task<DigitalTwinAppFactory> StartExportingAsync(OtlpCollector collector)
    {
        var app = new DigitalTwinAppFactory();
        app.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        app.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        // Export within a fraction of a second instead of the default 5 s batches.
        app.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        app.Settings["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
        // Tests log warnings only; at Information the start-up itself logs (the broker listening, the silo, ...).
        app.Settings["Logging:LogLevel:Default"] = "Information";
        return await app.StartAsync();
    }
}
