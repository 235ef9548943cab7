using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Health;

/// <summary>Unhealthy when the ingest queue has stayed full for Health:QueueFullFor; degraded while it is full for less.</summary>
public sealed class IngestQueueHealthCheck(IngestQueueWatch watch, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = string.Create(CultureInfo.InvariantCulture, $"{watch.Depth:N0} of {watch.Capacity:N0} readings queued");
        var result = watch.FullFor switch
        {
            null => HealthCheckResult.Healthy(depth),
            var full when full >= options.Value.QueueFullFor =>
                HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"{depth}; full for {full.Value.TotalSeconds:N0} s: processing cannot keep up")),
            var full => HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"{depth}; full for {full.Value.TotalSeconds:N0} s (back-pressure)")),
        };
        return Task.FromResult(result);
    }
}
