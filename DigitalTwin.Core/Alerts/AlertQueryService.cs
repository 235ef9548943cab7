using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Reading alerts: lists, details with history and deliveries, the bell's count, the live feed. Alerts the engine
/// holds (open ones, and closed ones not yet committed) are read from its memory, since their values change with
/// every reading; the rest from the database.
/// </summary>
public sealed class AlertQueryService(IDbContextFactory<DigitalTwinDbContext> dbFactory, IAlertEngine engine, IAlertFeed feed)
{
    /// <summary>Active alerts nobody has acknowledged yet (the bell); pending ones are not counted.</summary>
    public int UnacknowledgedCount => engine.UnacknowledgedCount;

    /// <summary>Every alert transition, as it happens (see <see cref="IAlertFeed"/>).</summary>
    public IDisposable Subscribe(Action<AlertChange> onChange) => feed.Subscribe(onChange);

    /// <summary>Alerts matching the filters, newest first.</summary>
    public async Task<IReadOnlyList<Alert>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alerts = db.Alerts.AsNoTracking();
        if (query.OpenOnly)
        {
            alerts = alerts.Where(a => a.State != AlertState.Cleared);
        }
        if (query.State is { } state)
        {
            alerts = alerts.Where(a => a.State == state);
        }
        if (query.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }
        if (query.DeviceId is { } deviceId)
        {
            alerts = alerts.Where(a => a.DeviceId == deviceId);
        }
        if (query.RuleId is { } ruleId)
        {
            alerts = alerts.Where(a => a.RuleId == ruleId);
        }
        if (query.Acknowledged is { } acknowledged)
        {
            alerts = alerts.Where(a => a.Acknowledged == acknowledged);
        }
        if (query.To is { } to)
        {
            alerts = alerts.Where(a => a.PendingSince <= to);
        }
        if (query.From is { } from)
        {
            alerts = alerts.Where(a => a.ClearedAt == null || a.ClearedAt >= from);
        }
        var limit = Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit);
        var found = await alerts.OrderByDescending(a => a.PendingSince).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. found.Select(engine.Current)];
    }

    /// <summary>A device's alerts whose lifetime overlaps [from, to], oldest first: the chart markers.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsOfDeviceAsync(string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var alerts = await QueryAlertsAsync(new AlertQuery(DeviceId: deviceId, From: from, To: to, Limit: AlertQuery.MaxLimit), cancellationToken);
        return [.. alerts.Where(a => a.State != AlertState.Pending).Reverse()];
    }

    public async Task<AlertDetails?> GetAlertAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // History first: a transition commits the alert's state with its history entry, so the alert read after its
        // history is at least as new as the last entry.
        var history = await db.AlertHistory.AsNoTracking().Where(h => h.AlertId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var deliveries = await DeliveriesAsync(db, id, cancellationToken);
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? engine.Find(id);
        return alert is null ? null : new AlertDetails(engine.Current(alert), history, deliveries);
    }

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(long alertId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DeliveriesAsync(db, alertId, cancellationToken);
    }

    private static Task<List<NotificationDelivery>> DeliveriesAsync(DigitalTwinDbContext db, long alertId, CancellationToken cancellationToken) =>
        db.AlertDeliveries.AsNoTracking().Where(d => d.AlertId == alertId).OrderBy(d => d.At).ThenBy(d => d.Id).ToListAsync(cancellationToken);
}
