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
/// Creates, edits, deletes devices and issues or revokes their secrets; the Devices table is the truth, and
/// <see cref="DeviceCatalog"/> and <see cref="DeviceCredentials"/> are updated after each commit.
/// </summary>
public sealed class DeviceRegistry(
    IDbContextFactory<DigitalTwinDbContext> dbFactory, DeviceCatalog catalog, DeviceCredentials credentials, TimeProvider time)
    : IDeviceProvisioner
{
    private const int ProvisionBatch = 1000;

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

    public async Task<RegistryResult> CreateAsync(DeviceDraft draft, CancellationToken cancellationToken = default)
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created concurrently by another request (or by the history writer's auto-registration)?
            if (await ExistsAsync(device.Id, cancellationToken))
            {
                return new RegistryResult(RegistryStatus.Conflict);
            }
            throw;
        }
        credentials.Set(device);
        catalog.Set(device);
        return new RegistryResult(RegistryStatus.Ok, device, secret);
    }

    public async Task<RegistryResult> UpdateAsync(string id, DeviceDraft draft, CancellationToken cancellationToken = default)
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
        return await ChangeAsync(id, draft.ApplyTo, cancellationToken);
    }

    /// <summary>Issues a new secret; the old one stops working at once.</summary>
    public Task<RegistryResult> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
    {
        string? secret = null;
        return ChangeAsync(id, d => secret = IssueSecret(d), cancellationToken, () => secret);
    }

    /// <summary>Refuses the device from now on; idempotent (keeps the first revocation time).</summary>
    public Task<RegistryResult> RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, d => d.RevokedAt ??= time.GetUtcNow(), cancellationToken);

    /// <summary>Deletes the device with its history (the Series and Samples rows cascade).</summary>
    public async Task<RegistryStatus> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Refuse first, so a device being deleted cannot authenticate while its history goes.
        credentials.Remove(id);
        var deleted = await db.Devices.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        catalog.Remove(id);
        return deleted == 0 ? RegistryStatus.NotFound : RegistryStatus.Ok;
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
            await db.SaveChangesAsync(cancellationToken);
            foreach (var device in devices.Values)
            {
                credentials.Set(device);
                catalog.Set(device);
            }
        }
        return secrets;
    }

    private async Task<RegistryResult> ChangeAsync(
        string id, Action<Device> change, CancellationToken cancellationToken, Func<string?>? secret = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return new RegistryResult(RegistryStatus.NotFound);
        }
        change(device);
        await db.SaveChangesAsync(cancellationToken);
        credentials.Set(device);
        catalog.Set(device);
        return new RegistryResult(RegistryStatus.Ok, device, secret?.Invoke());
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
