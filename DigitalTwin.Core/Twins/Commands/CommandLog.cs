using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>
/// The only writer of the DeviceCommands table. A command is written, with its audit row, before it is published;
/// later changes only move it forward (sent → delivered → succeeded, failed or timed out), so a late PUBACK or a
/// late answer never undoes a final status. Each committed change is published once on the <see cref="CommandFeed"/>.
/// </summary>
public sealed class CommandLog(IDbContextFactory<DigitalTwinDbContext> dbFactory, CommandFeed feed, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Records a command about to be published, and audits it; null when the device is not (or no longer) registered.</summary>
    public async Task<CommandEntry?> AddAsync(string deviceId, string name, string payload, string correlationId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var row = new DeviceCommand
        {
            DeviceId = deviceId,
            Name = name,
            CorrelationId = correlationId,
            Payload = payload,
            RequestedBy = actor.Name,
            SentAt = now,
        };
        db.Add(row);
        db.AuditLog.Add(AuditEntry.Of(actor, now, "twin.command", DeviceAudit.EntityType, deviceId, $"{name}: {Shorten(payload, 200)}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Deleted meanwhile, so the foreign key refused the row; anything else is a real failure.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await check.Devices.AnyAsync(d => d.Id == deviceId, cancellationToken))
            {
                return null;
            }
            throw;
        }
        var entry = CommandEntry.From(row);
        feed.Publish(entry);
        return entry;
    }

    /// <summary>
    /// The device (or, on an external broker, the broker) acknowledged the request. A device may answer before its
    /// PUBACK arrives: the answer's status stays, and the delivery time is still recorded.
    /// </summary>
    private const int MaxChangeAttempts = 5;

    public Task<CommandEntry?> MarkDeliveredAsync(string correlationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(correlationId, c => c.DeliveredAt is null, (c, now) =>
        {
            c.DeliveredAt = now;
            c.Status = c.Status == CommandStatus.Sent ? CommandStatus.Delivered : c.Status;
        }, cancellationToken);

    /// <summary>The device answered (succeeded or failed) or the wait ended (timed out); unchanged if it already finished.</summary>
    public Task<CommandEntry?> FinishAsync(string correlationId, CommandStatus status, string? response, CancellationToken cancellationToken = default) =>
        ChangeAsync(correlationId, c => !c.IsFinished, (c, now) =>
        {
            (c.Status, c.CompletedAt) = (status, now);
            c.Response = response is null ? null : Shorten(response, CommandLimits.MaxStoredResponseChars);
        }, cancellationToken);

    /// <summary>A device's commands, newest first; <paramref name="before"/> (an id) pages further back.</summary>
    public async Task<IReadOnlyList<CommandEntry>> ListAsync(string deviceId, int limit = DefaultLimit, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<DeviceCommand>().AsNoTracking().Where(c => c.DeviceId == deviceId);
        if (before is { } id)
        {
            query = query.Where(c => c.Id < id);
        }
        var rows = await query.OrderByDescending(c => c.Id).Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(cancellationToken);
        return [.. rows.Select(CommandEntry.From)];
    }

    /// <summary>
    /// Commands left waiting when the app stopped: no answer can reach a request that is no longer waiting, so they
    /// are timed out at start.
    /// </summary>
    public async Task<int> TimeOutUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Set<DeviceCommand>()
            .Where(c => c.Status == CommandStatus.Sent || c.Status == CommandStatus.Delivered)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommandStatus.TimedOut).SetProperty(c => c.CompletedAt, now), cancellationToken);
    }

    private async Task<CommandEntry?> ChangeAsync(
        string correlationId, Func<DeviceCommand, bool> may, Action<DeviceCommand, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A PUBACK and the answer can arrive together: the one that loses the race reads the row again and applies on top.
        for (var attempt = 0; attempt < MaxChangeAttempts; attempt++)
        {
            var row = await db.Set<DeviceCommand>().AsNoTracking().SingleOrDefaultAsync(c => c.CorrelationId == correlationId, cancellationToken);
            if (row is null || !may(row))
            {
                return null;
            }
            var (status, deliveredAt) = (row.Status, row.DeliveredAt);
            change(row, time.GetUtcNow());
            var updated = await db.Set<DeviceCommand>()
                .Where(c => c.Id == row.Id && c.Status == status && c.DeliveredAt == deliveredAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, row.Status)
                    .SetProperty(c => c.DeliveredAt, row.DeliveredAt)
                    .SetProperty(c => c.CompletedAt, row.CompletedAt)
                    .SetProperty(c => c.Response, row.Response), cancellationToken);
            if (updated == 1)
            {
                var entry = CommandEntry.From(row);
                feed.Publish(entry);
                return entry;
            }
        }
        return null;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
