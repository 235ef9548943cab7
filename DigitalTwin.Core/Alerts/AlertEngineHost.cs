using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Restores the engine at start (rules, open alerts with their pending-since times, silences),
/// then drives its time-based transitions every Alerts:TickInterval.
/// </summary>
public sealed partial class AlertEngineHost(
    AlertEngine engine,
    IDbContextFactory<DigitalTwinDbContext> dbFactory,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEngineHost> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var rules = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
            var open = await db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Cleared).ToListAsync(cancellationToken);
            var silences = await db.AlertSilences.AsNoTracking().Where(s => s.Until > now).ToListAsync(cancellationToken);
            var maxId = await db.Alerts.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            engine.Restore(rules, open, silences, maxId);
            LogRestored(rules.Count, open.Count(a => a.State == AlertState.Active), open.Count(a => a.State == AlertState.Pending));
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await engine.TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts restored: {Rules} rules, {Active} active and {Pending} pending alerts")]
    private partial void LogRestored(int rules, int active, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "An alert tick failed")]
    private partial void LogTickFailed(Exception exception);
}
