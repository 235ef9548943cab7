using DigitalTwin.Core.Mqtt;
using DigitalTwin.Web.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Health;

/// <summary>Embedded mode: the broker is listening. External mode: the app is connected and subscribed to the broker.</summary>
public sealed class MqttHealthCheck(IServiceProvider services, IOptions<MqttOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var result = settings.Mode switch
        {
            MqttMode.External => services.GetRequiredService<ExternalMqttIngest>().IsSubscribed
                ? HealthCheckResult.Healthy($"subscribed to the broker at {settings.Host}:{settings.Port}")
                : HealthCheckResult.Unhealthy($"not connected to the broker at {settings.Host}:{settings.Port}: no telemetry arrives"),
            _ => services.GetRequiredService<EmbeddedMqttBroker>().IsRunning
                ? HealthCheckResult.Healthy($"embedded broker listening on port {settings.Port}")
                : HealthCheckResult.Unhealthy("the embedded broker is not running: devices cannot connect"),
        };
        return Task.FromResult(result);
    }
}
