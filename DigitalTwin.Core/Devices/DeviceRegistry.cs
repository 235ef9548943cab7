using System.Collections.Concurrent;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Devices;

public enum RegistryStatus
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>What a registry change did; <see cref="Secret"/> is set only when a secret was issued (shown once).</summary>
public sealed record RegistryResult(RegistryStatus Status, Device? Device = null, string? Secret = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Creates, edits, deletes devices and issues or revokes their secrets, and registers devices that report unregistered
/// when Devices:AllowAutoRegistration is on: the only writer of the Devices table, which is the truth. The
/// <see cref="DeviceDirectory"/> is told after each commit. Every change commits with its audit row (who, what,
/// before → after) in one transaction.
/// </summary>
public sealed class DeviceRegistry(IDbContextFactory<DigitalTwinDbContext> dbFactory, DeviceDirectory directory, TimeProvider time)
    : IDeviceProvisioner
{
    private const int ProvisionBatch = 1000;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _autoRegistrations = new(StringComparer.Ordinal);

    public async Task<Device?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<Device>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Devices.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    public async Task<RegistryResult> CreateAsync(DeviceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = draft.Validate(requireId: true);
        if (errors.Count > 0)
        {
            return new RegistryResult(RegistryStatus.Invalid, Errors: errors);
        }
        var device = new Device { Id = draft.Id!, CreatedAt = time.GetUtcNow() };
        draft.ApplyTo(device);
        var secret = IssueSecret(device);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Devices.AnyAsync(d => d.Id == device.Id, cancellationToken))
        {
            return new RegistryResult(RegistryStatus.Conflict);
        }
        db.Devices.Add(device);
        db.AuditLog.Add(DeviceAudit.Entry(actor, device.CreatedAt, "device.create", device.Id, AuditSummary.Fields(DeviceAudit.Snapshot(device))));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created concurrently by another request (or by auto-registration)?
            if (await ExistsAsync(device.Id, cancellationToken))
            {
                return new RegistryResult(RegistryStatus.Conflict);
            }
            throw;
        }
        directory.Stored(device);
        return new RegistryResult(RegistryStatus.Ok, device, secret);
    }

    public async Task<RegistryResult> UpdateAsync(string id, DeviceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = draft.Validate(requireId: false);
        if (draft.Id is not null && draft.Id != id)
        {
            errors["id"] = ["'id' cannot be changed; omit it or repeat the device's id."];
        }
        if (errors.Count > 0)
        {
            return new RegistryResult(RegistryStatus.Invalid, Errors: errors);
        }
        return await ChangeAsync(id, actor, "device.update", d =>
        {
            var before = DeviceAudit.Snapshot(d);
            draft.ApplyTo(d);
            return AuditSummary.Changes(before, DeviceAudit.Snapshot(d));
        }, cancellationToken);
    }

    /// <summary>Issues a new secret; the old one stops working at once.</summary>
    public Task<RegistryResult> RotateSecretAsync(string id, Actor actor, CancellationToken cancellationToken = default)
    {
        string? secret = null;
        return ChangeAsync(id, actor, "device.rotate-secret", d =>
        {
            var had = d.SecretHash is not null;
            secret = IssueSecret(d);
            return had ? "secret replaced; the old one no longer works" : "first secret issued";
        }, cancellationToken, () => secret);
    }

    /// <summary>Refuses the device from now on; idempotent (keeps the first revocation time, records only the first).</summary>
    public Task<RegistryResult> RevokeAsync(string id, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, "device.revoke", d =>
        {
            if (d.RevokedAt is not null)
            {
                return "";
            }
            d.RevokedAt = time.GetUtcNow();
            return "secret revoked: the device is refused from now on";
        }, cancellationToken);

    /// <summary>Deletes the device with its history (the Series and Samples rows cascade), with its audit row in one transaction.</summary>
    public async Task<RegistryStatus> DeleteAsync(string id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return RegistryStatus.NotFound;
        }
        // Refuse first, so a device being deleted cannot authenticate while its history goes.
        directory.Store(DeviceEntry.From(device) with { Key = new DeviceKey([], [], Revoked: true) });
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deleted = await db.Devices.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                return RegistryStatus.NotFound;
            }
            db.AuditLog.Add(DeviceAudit.Entry(actor, time.GetUtcNow(), "device.delete", id, AuditSummary.Fields(DeviceAudit.Snapshot(device))));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Nothing was deleted: the device may authenticate again.
            directory.Stored(device);
            throw;
        }
        directory.Removed(id);
        return RegistryStatus.Ok;
    }

    /// <remarks>
    /// A new secret on every call: the caller keeps secrets in memory only, so after a restart it cannot know the
    /// old ones. Revoked devices stay revoked. One transaction per thousand devices, so 100,000 take seconds.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<DeviceDraft> drafts, CancellationToken cancellationToken)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in drafts.Chunk(ProvisionBatch))
        {
            if (chunk.FirstOrDefault(d => d.Validate(requireId: true).Count > 0) is { } invalid)
            {
                throw new ArgumentException($"Device '{invalid.Id}' is not valid: {string.Join(", ", invalid.Validate(requireId: true).Keys)}.", nameof(drafts));
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = chunk.Select(d => d.Id!).ToList();
            var devices = await db.Devices.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
            var existing = devices.Count;
            foreach (var draft in chunk)
            {
                if (!devices.TryGetValue(draft.Id!, out var device))
                {
                    device = new Device { Id = draft.Id!, CreatedAt = time.GetUtcNow() };
                    draft.ApplyTo(device);
                    db.Devices.Add(device);
                    devices[device.Id] = device;
                }
                secrets[device.Id] = IssueSecret(device);
            }
            db.AuditLog.Add(AuditEntry.Of(Actor.System, time.GetUtcNow(), "device.provision", DeviceAudit.EntityType, null,
                $"{chunk.Length} device(s) given new secrets ({chunk.Length - existing} new): {string.Join(", ", ids.Take(20))}{(ids.Count > 20 ? ", …" : "")}"));
            await db.SaveChangesAsync(cancellationToken);
            directory.Stored(devices.Values);
        }
        return secrets;
    }

    /// <param name="change">Changes the device and says what it did; empty when nothing changed (no audit row then).</param>
    private async Task<RegistryResult> ChangeAsync(
        string id, Actor actor, string action, Func<Device, string> change, CancellationToken cancellationToken, Func<string?>? secret = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return new RegistryResult(RegistryStatus.NotFound);
        }
        var summary = change(device);
        if (summary.Length > 0)
        {
            db.AuditLog.Add(DeviceAudit.Entry(actor, time.GetUtcNow(), action, id, summary));
        }
        await db.SaveChangesAsync(cancellationToken);
        directory.Stored(device);
        return new RegistryResult(RegistryStatus.Ok, device, secret?.Invoke());
    }

    /// <summary>
    /// Registers a device that reported without being registered: kind "unknown", no secret, audited as the system.
    /// Completes once the device is in the directory; concurrent first messages of one device share one insert.
    /// </summary>
    public async Task AutoRegisterAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (directory.Contains(deviceId))
        {
            return;
        }
        var registration = _autoRegistrations.GetOrAdd(deviceId, id => new Lazy<Task>(() => InsertAutoRegisteredAsync(id)));
        try
        {
            await registration.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _autoRegistrations.TryRemove(KeyValuePair.Create(deviceId, registration));
        }
    }

    /// <remarks>Not cancellable: other messages of the device may be waiting for it.</remarks>
    private async Task InsertAutoRegisteredAsync(string deviceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId);
        if (device is null)
        {
            device = new Device { Id = deviceId, Kind = Device.UnknownKind, CreatedAt = time.GetUtcNow() };
            db.Devices.Add(device);
            db.AuditLog.Add(DeviceAudit.Entry(Actor.System, device.CreatedAt, "device.auto-register", deviceId,
                "registered by its first telemetry (Devices:AllowAutoRegistration), without a secret"));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Created meanwhile through the API: that row wins.
                device = await GetAsync(deviceId) ?? throw new InvalidOperationException($"Device '{deviceId}' could not be registered.");
            }
        }
        directory.Stored(device);
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Devices.AnyAsync(d => d.Id == id, cancellationToken);
    }

    private static string IssueSecret(Device device)
    {
        var secret = DeviceSecret.Generate();
        device.SecretSalt = DeviceSecret.NewSalt();
        device.SecretHash = DeviceSecret.Hash(secret, device.SecretSalt);
        return secret;
    }
}
