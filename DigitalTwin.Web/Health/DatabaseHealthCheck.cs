using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalTwin.Web.Health;

/// <summary>The database answers a query (SQLite file or PostgreSQL server), through the same factory the app uses.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<DigitalTwinDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A real read of an app table, not just a connection: a missing or unreadable schema fails too.
            var devices = await db.Devices.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{db.Database.ProviderName}: {devices} devices registered");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {ex.Message}");
        }
    }
}
