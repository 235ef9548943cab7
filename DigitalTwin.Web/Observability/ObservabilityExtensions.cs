using System.Reflection;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DigitalTwin.Web.Observability;

public static class ObservabilityExtensions
{
    /// <summary>The service name traces, metrics and logs carry unless OTEL_SERVICE_NAME says otherwise.</summary>
    public const string DefaultServiceName = "digitaltwin";

    /// <summary>
    /// OpenTelemetry under the app's own service name: metrics always (scraped at /metrics); with
    /// OTEL_EXPORTER_OTLP_ENDPOINT set, also traces (HTTP requests, ingest batches, history commits) and logs, and all
    /// three are exported over OTLP (OTEL_EXPORTER_OTLP_PROTOCOL: grpc, the default, or http/protobuf). Without an
    /// endpoint nothing traces, so spans cost nothing.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : DefaultServiceName;
        var version = typeof(ObservabilityExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: version))
            .WithMetrics(metrics => metrics
                .AddMeter(IngestCounters.MeterName)
                .AddMeter(DigitalTwin.Core.Devices.DeviceAuthCounters.MeterName)
                .AddMeter(AlertCounters.MeterName)
                .AddMeter(BrokerRefusals.MeterName)
                .AddMeter(DigitalTwin.Core.Twins.Properties.TwinPropertyCounters.MeterName)
                .AddMeter(DigitalTwin.Web.Cluster.ClusterCounters.MeterName)
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        telemetry.WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation(o => o.Filter = IsTraced)
            .AddSource(IngestTracing.SourceName));
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Probes and scrapes every few seconds would drown the requests people make.</summary>
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
}
