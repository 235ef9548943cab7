using System.Text.Json;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Lists devices a page at a time for the registry page and the API: the database searches, filters, sorts and
/// pages the registry; the <see cref="DeviceStatusBoard"/> adds the live status. Filtering or sorting by status
/// reads only the matching ids from the database, never whole rows, so 10,000 devices stay cheap.
/// </summary>
public sealed class DeviceList(IDbContextFactory<DigitalTwinDbContext> dbFactory, DeviceStatusBoard board)
{
    public async Task<DeviceListPage> QueryAsync(DeviceListQuery query, CancellationToken cancellationToken = default)
    {
        var take = Math.Clamp(query.Take, 1, DeviceListQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = Filter(db, query);
        if (query.Status is null && query.Sort is not (DeviceSort.Status or DeviceSort.LastSeen))
        {
            var total = await matching.CountAsync(cancellationToken);
            var devices = await Sort(matching, query).Skip(skip).Take(take).ToListAsync(cancellationToken);
            return new DeviceListPage([.. devices.Select(d => new DeviceListItem(d, board.Get(d.Id)))], total);
        }

        var ids = await Sort(matching, query).Select(d => d.Id).ToListAsync(cancellationToken);
        var statuses = ids.Select(id => (Id: id, Status: board.Get(id)))
            .Where(s => query.Status is not { } status || s.Status.Status == status);
        var ordered = query.Sort switch
        {
            DeviceSort.Status => OrderBy(statuses, s => s.Status.Status, query.Descending),
            DeviceSort.LastSeen => OrderBy(statuses, s => s.Status.LastSeen ?? DateTimeOffset.MinValue, query.Descending),
            _ => null,
        };
        if (ordered is null)
        {
            // Sorted by a registry column: the database's order of the ids is already right.
            var filtered = statuses.ToList();
            return await LoadPageAsync(db, [.. filtered.Skip(skip).Take(take).Select(s => s.Id)], filtered.Count, cancellationToken);
        }
        var sorted = ordered.ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return await LoadPageAsync(db, [.. sorted.Skip(skip).Take(take).Select(s => s.Id)], sorted.Count, cancellationToken);
    }

    /// <summary>
    /// The newest stored value of each metric of the given devices (a page of the list), by device timestamp, as
    /// their twins start from: one query, one step down the (SeriesId, Timestamp) primary key per series and
    /// column, whatever the size of the history. No twin is activated.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Dictionary<string, TwinMetric>>> LatestMetricsAsync(
        IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken = default)
    {
        var ids = deviceIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Series.AsNoTracking()
            .Where(r => ids.Contains(r.DeviceId))
            .Select(r => new
            {
                r.DeviceId,
                r.Metric,
                Timestamp = db.Samples.Where(s => s.SeriesId == r.Id).Max(s => (long?)s.Timestamp),
                Value = db.Samples.Where(s => s.SeriesId == r.Id).OrderByDescending(s => s.Timestamp).Select(s => (double?)s.Value).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var metrics = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new Dictionary<string, TwinMetric>(), StringComparer.Ordinal);
        foreach (var series in latest.Where(l => l is { Timestamp: not null, Value: not null }))
        {
            metrics[series.DeviceId][series.Metric] = new TwinMetric(series.Value!.Value, DateTimeOffset.FromUnixTimeMilliseconds(series.Timestamp!.Value));
        }
        return metrics;
    }

    /// <summary>Every kind in use, for the filter and the create dialog's suggestions.</summary>
    public async Task<IReadOnlyList<string>> KindsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Devices.Select(d => d.Kind).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
    }

    /// <summary>Every tag in use. Devices share few tag lists, so the distinct lists are few rows.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lists = await db.Devices.Select(d => d.Tags).Distinct().ToListAsync(cancellationToken);
        return [.. lists.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static IQueryable<Device> Filter(DigitalTwinDbContext db, DeviceListQuery query)
    {
        var devices = string.IsNullOrWhiteSpace(query.Tag)
            // Tags are a JSON array in a text column: match the tag as a JSON string, quotes included, so "hall"
            // does not match "hallway". The same SQL on SQLite and PostgreSQL.
            ? db.Devices
            : db.Devices.FromSql($"""SELECT * FROM "Devices" WHERE "Tags" LIKE {TagPattern(query.Tag.Trim())} ESCAPE '\'""");
        devices = devices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = query.Kind.Trim();
            devices = devices.Where(d => d.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLowerInvariant();
            devices = devices.Where(d => d.Id.ToLower().Contains(search)
                || (d.Name != null && d.Name.ToLower().Contains(search))
                || (d.Location != null && d.Location.ToLower().Contains(search)));
        }
        return devices;
    }

    private static IQueryable<Device> Sort(IQueryable<Device> devices, DeviceListQuery query) => (query.Sort, query.Descending) switch
    {
        (DeviceSort.Name, false) => devices.OrderBy(d => d.Name).ThenBy(d => d.Id),
        (DeviceSort.Name, true) => devices.OrderByDescending(d => d.Name).ThenBy(d => d.Id),
        (DeviceSort.Kind, false) => devices.OrderBy(d => d.Kind).ThenBy(d => d.Id),
        (DeviceSort.Kind, true) => devices.OrderByDescending(d => d.Kind).ThenBy(d => d.Id),
        (DeviceSort.Location, false) => devices.OrderBy(d => d.Location).ThenBy(d => d.Id),
        (DeviceSort.Location, true) => devices.OrderByDescending(d => d.Location).ThenBy(d => d.Id),
        (_, true) => devices.OrderByDescending(d => d.Id),
        _ => devices.OrderBy(d => d.Id),
    };

    private static IOrderedEnumerable<T> OrderBy<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    private async Task<DeviceListPage> LoadPageAsync(DigitalTwinDbContext db, List<string> ids, int total, CancellationToken cancellationToken)
    {
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        return new DeviceListPage([.. ids.Where(devices.ContainsKey).Select(id => new DeviceListItem(devices[id], board.Get(id)))], total);
    }

    private static string TagPattern(string tag)
    {
        var json = JsonSerializer.Serialize(tag, JsonSerializerOptions.Default);
        return "%" + json.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
    }
}
