using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Ingest (parse, validate, count, queue), the processor that feeds twins and history, and the history store.</summary>
    public static IHostApplicationBuilder AddTelemetryPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddOptions<TwinOptions>().BindConfiguration(TwinOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwinOptions>, TwinOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<RejectLog>();
        services.AddSingleton<TelemetryPayloadParser>();
        services.AddSingleton<TelemetryQueue>();
        services.AddSingleton<CommitTracker>();
        // Seeded from the stored series as a hosted service registered before the broker's, so it is full before any device speaks.
        services.AddSingleton<MetricCardinality>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricCardinality>());
        services.AddSingleton<TelemetryIngestor>();
        services.TryAddSingleton<DeviceCatalog>();
        services.AddSingleton<ITwinChangeFeed, TwinChangeFeed>();
        services.AddSingleton<HistoryStore>();
        // Registered before the processor so it stops after it: the processor drains into the writer on shutdown.
        services.AddSingleton<HistoryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService<TelemetryProcessor>();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section)
            .Validate(o => o.DeleteBatchSize > 0 && o.SweepInterval > TimeSpan.Zero && (o.Retention is null || o.Retention > TimeSpan.Zero),
                "History:DeleteBatchSize and History:SweepInterval must be positive, History:Retention positive or empty.")
            .ValidateOnStart();
        services.AddSingleton<HistoryRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryRetention>());
        return builder;
    }
}
