using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Fills the <see cref="DeviceStatusBoard"/> from history before the app serves anything, so after a restart the
/// device list counts and sorts by status correctly without activating a twin per device: every registered device
/// with history is "offline — not seen since the app started" with its last reading's time, the rest never seen.
/// </summary>
public static class DeviceStatusSeed
{
    /// <summary>Seeds the board; returns how many devices have history. Call after the database is initialized.</summary>
    public static async Task<int> SeedDeviceStatusAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var board = services.GetRequiredService<DeviceStatusBoard>();
        var directory = services.GetRequiredService<DeviceDirectory>();
        var offlineAfter = services.GetRequiredService<IOptions<TwinOptions>>().Value.OfflineAfter;
        var started = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lastSeen = await LastSeenAsync(services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>(), cancellationToken);
        foreach (var (deviceId, at) in lastSeen)
        {
            if (directory.Find(deviceId) is { } device)
            {
                board.TryAdd(deviceId, new DeviceStatusEntry(
                    DeviceStatus.Offline, StatusReason.NotSeenSinceStart, started, at, device.OfflineAfter ?? offlineAfter));
            }
        }
        return lastSeen.Count;
    }

    /// <summary>
    /// The device time of each device's newest sample. A MAX per series is one step down the (SeriesId, Timestamp)
    /// primary key on SQLite and PostgreSQL alike, so the cost grows with the number of series, not of samples.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastSeenAsync(
        IDbContextFactory<DigitalTwinDbContext> dbFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var series = await db.Series.AsNoTracking()
            .Select(r => new { r.DeviceId, Newest = db.Samples.Where(s => s.SeriesId == r.Id).Max(s => (long?)s.Timestamp) })
            .ToListAsync(cancellationToken);
        return series.Where(s => s.Newest is not null)
            .GroupBy(s => s.DeviceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DateTimeOffset.FromUnixTimeMilliseconds(g.Max(s => s.Newest!.Value)), StringComparer.Ordinal);
    }
}
