using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalTwin.Web.Health;

/// <summary>
/// The co-hosted silo that holds the twins is active, and Orleans' own health participants (the ones its watchdog
/// asks: scheduler, membership) report no problem since the last check.
/// </summary>
public sealed class OrleansSiloHealthCheck(ISiloStatusOracle silo, IEnumerable<IHealthCheckParticipant> participants, TimeProvider time) : IHealthCheck
{
    private DateTime _lastCheck = time.GetUtcNow().UtcDateTime;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = _lastCheck;
        _lastCheck = time.GetUtcNow().UtcDateTime;
        if (silo.CurrentStatus != SiloStatus.Active)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the twin silo is {silo.CurrentStatus}, not Active"));
        }
        foreach (var participant in participants)
        {
            if (!participant.CheckHealth(since, out var reason))
            {
                return Task.FromResult(HealthCheckResult.Degraded($"{participant.GetType().Name}: {reason}"));
            }
        }
        return Task.FromResult(HealthCheckResult.Healthy($"twin silo {silo.SiloAddress} active"));
    }
}
