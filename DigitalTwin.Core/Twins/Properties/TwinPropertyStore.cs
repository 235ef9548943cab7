using System.Buffers;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Twins.Properties;

public enum TwinPropertyStatus
{
    Ok,
    UnknownDevice,
    /// <summary>If-Match named another desired version: someone else's change came first.</summary>
    VersionMismatch,
    /// <summary>The resulting document would break the limits (<see cref="TwinPatch"/>).</summary>
    Invalid,
}

public sealed record TwinPropertyResult(TwinPropertyStatus Status, TwinDocuments? Documents = null, string? Error = null);

/// <summary>
/// The owner of the desired and reported documents: the only writer of the TwinProperties table. Each change
/// commits with its version (+1) and, for desired changes, its audit row, in one transaction; then it is published
/// once on the <see cref="TwinPropertyFeed"/>. The database is the truth, so a restart keeps documents and versions.
/// </summary>
public sealed partial class TwinPropertyStore(
    IDbContextFactory<DigitalTwinDbContext> dbFactory, DeviceDirectory directory, TwinPropertyFeed feed,
    TwinPropertyCounters counters, TimeProvider time, ILogger<TwinPropertyStore> logger)
{
    private const int Attempts = 8;

    /// <summary>Null for a device that is not registered; empty documents (version 0) for one never changed.</summary>
    public async Task<TwinDocuments?> GetAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        if (!directory.Contains(deviceId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<TwinProperties>().AsNoTracking().SingleOrDefaultAsync(p => p.DeviceId == deviceId, cancellationToken);
        return row is null ? TwinDocuments.Empty(deviceId) : TwinDocuments.From(row);
    }

    /// <summary>Every device's desired document that has ever been set, for the broker to publish again (retained) at start.</summary>
    public async Task<IReadOnlyList<TwinDocuments>> ListDesiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<TwinProperties>().AsNoTracking().Where(p => p.DesiredVersion > 0).ToListAsync(cancellationToken);
        return [.. rows.Select(TwinDocuments.From)];
    }

    /// <summary>Applies a merge patch to the desired document.</summary>
    /// <param name="expectedVersion">The If-Match version; null applies the patch to whatever version is current.</param>
    public Task<TwinPropertyResult> PatchDesiredAsync(string deviceId, JsonObject patch, long? expectedVersion, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(deviceId, cancellationToken, (db, row, now) =>
        {
            if (expectedVersion is { } expected && expected != row.DesiredVersion)
            {
                return new TwinPropertyResult(TwinPropertyStatus.VersionMismatch,
                    Error: $"The desired document is at version {row.DesiredVersion}, not {expected}: another change came first. Read it again and retry.");
            }
            var before = JsonMergePatch.ParseObject(row.Desired);
            var after = JsonMergePatch.Apply(before, patch);
            if (TwinPatch.CheckDocument("desired", after) is { } error)
            {
                return new TwinPropertyResult(TwinPropertyStatus.Invalid, Error: error);
            }
            if (JsonNode.DeepEquals(before, after))
            {
                return null;
            }
            (row.Desired, row.DesiredVersion, row.DesiredUpdatedAt) = (JsonMergePatch.ToText(after), row.DesiredVersion + 1, now);
            db.AuditLog.Add(AuditEntry.Of(actor, now, "twin.desired-update", DeviceAudit.EntityType, deviceId,
                $"version {row.DesiredVersion}: {JsonMergePatch.ToText(patch)}"));
            return null;
        });

    /// <summary>
    /// A message the device published on devices/{id}/reported: a merge patch of its reported document. Refusals
    /// (malformed, too large, reserved keys) are counted and returned in words; unregistered devices are ignored.
    /// </summary>
    public async Task<string?> ReportAsync(string deviceId, ReadOnlySequence<byte> payload, CancellationToken cancellationToken = default)
    {
        var parsed = TwinPatch.Parse(payload);
        if (parsed.Patch is null)
        {
            counters.Refused(parsed.Refusal!.Value);
            return parsed.Error;
        }
        var result = await ChangeAsync(deviceId, cancellationToken, (_, row, now) =>
        {
            var after = JsonMergePatch.Apply(JsonMergePatch.ParseObject(row.Reported), parsed.Patch);
            if (TwinPatch.CheckDocument("reported", after) is { } error)
            {
                return new TwinPropertyResult(TwinPropertyStatus.Invalid, Error: error);
            }
            (row.Reported, row.ReportedVersion, row.ReportedUpdatedAt) = (JsonMergePatch.ToText(after), row.ReportedVersion + 1, now);
            return null;
        });
        if (result.Status == TwinPropertyStatus.Invalid)
        {
            counters.Refused(TwinPatchRefusal.TooLarge);
        }
        return result.Error;
    }

    /// <summary>
    /// Reads the row (or a new one), lets <paramref name="change"/> edit it (null: go on and save; a result: stop with
    /// it), and saves; a concurrent change (the versions are concurrency tokens) or a concurrent first insert makes it
    /// read again and retry, so If-Match is checked against what is committed.
    /// </summary>
    private async Task<TwinPropertyResult> ChangeAsync(
        string deviceId, CancellationToken cancellationToken, Func<DigitalTwinDbContext, TwinProperties, DateTimeOffset, TwinPropertyResult?> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!directory.Contains(deviceId))
            {
                return new TwinPropertyResult(TwinPropertyStatus.UnknownDevice);
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.Set<TwinProperties>().SingleOrDefaultAsync(p => p.DeviceId == deviceId, cancellationToken);
            var isNew = row is null;
            row ??= new TwinProperties { DeviceId = deviceId };
            var (desiredVersion, reportedVersion) = (row.DesiredVersion, row.ReportedVersion);
            if (change(db, row, time.GetUtcNow()) is { } stop)
            {
                return stop;
            }
            if (row.DesiredVersion == desiredVersion && row.ReportedVersion == reportedVersion)
            {
                return new TwinPropertyResult(TwinPropertyStatus.Ok, TwinDocuments.From(row));
            }
            if (isNew)
            {
                db.Add(row);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < Attempts)
            {
                // Changed or created meanwhile (or the device was deleted: the next attempt says so).
                LogRetry(ex, deviceId, attempt);
                continue;
            }
            var documents = TwinDocuments.From(row);
            feed.Publish(documents);
            return new TwinPropertyResult(TwinPropertyStatus.Ok, documents);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Twin properties of {DeviceId} changed meanwhile (attempt {Attempt}); reading again")]
    private partial void LogRetry(Exception exception, string deviceId, int attempt);
}
