using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Health;

public static class HealthExtensions
{
    private const string Ready = "ready";

    /// <summary>Readiness checks: the database, the MQTT broker (or the connection to it), the twin silo, the ingest queue.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddSingleton<IngestQueueWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestQueueWatch>());
        services.AddSingleton<IngestQueueHealthCheck>();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddSingleton<MqttHealthCheck>();
        services.AddSingleton<OrleansSiloHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MqttHealthCheck>("mqtt", tags: [Ready])
            .AddCheck<OrleansSiloHealthCheck>("twin-silo", tags: [Ready])
            .AddCheck<IngestQueueHealthCheck>("ingest-queue", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// /health/live: the process answers (no checks: restarting the app would not fix a missing database).
    /// /health/ready: every readiness check; 503 when one is unhealthy. Both are anonymous, as load balancers call them.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
