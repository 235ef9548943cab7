using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Ingest from every transport: parse, validate, count, cap metric names, queue, and track commits for QoS 1 acknowledgements.</summary>
    public static IHostApplicationBuilder AddTelemetryIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<RejectLog>();
        services.AddSingleton<TelemetryPayloadParser>();
        services.AddSingleton<TelemetryQueue>();
        services.AddSingleton<CommitTracker>();
        services.AddSingleton<MetricCardinality>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricCardinality>());
        services.AddSingleton<TelemetryIngestor>();
        return builder;
    }
}
