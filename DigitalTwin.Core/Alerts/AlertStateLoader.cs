using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Loads what the engine keeps in the database (rules, open alerts with their pending-since times, silences): at
/// start with one instance, and wherever the alert host lands in cluster mode.
/// </summary>
public sealed partial class AlertStateLoader(IDbContextFactory<DigitalTwinDbContext> dbFactory, TimeProvider time, ILogger<AlertStateLoader> logger)
{
    public async Task RestoreAsync(AlertEngine engine, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rules = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
        var open = await db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Cleared).ToListAsync(cancellationToken);
        var silences = await db.AlertSilences.AsNoTracking().Where(s => s.Until > now).ToListAsync(cancellationToken);
        var maxId = await db.Alerts.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        engine.Restore(rules, open, silences, maxId);
        LogRestored(rules.Count, open.Count(a => a.State == AlertState.Active), open.Count(a => a.State == AlertState.Pending));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts restored: {Rules} rules, {Active} active and {Pending} pending alerts")]
    private partial void LogRestored(int rules, int active, int pending);
}
