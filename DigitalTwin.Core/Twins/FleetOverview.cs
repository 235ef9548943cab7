using DigitalTwin.Core.Devices;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Overview's counts and pages: how many registered devices are online, offline or never seen, and a page of ids,
/// the devices that have spoken first (in id order) so a batch of new registrations does not push the live ones back.
/// Read from the board's running counts and sorted index: the first pages cost the same whatever the fleet's size.
/// </summary>
public sealed class FleetOverview(DeviceDirectory devices, DeviceStatusBoard board)
{
    public IReadOnlyDictionary<DeviceStatus, int> Counts()
    {
        var counts = board.CountByStatus();
        counts[DeviceStatus.Unknown] += Math.Max(0, devices.Count - board.Count);
        return counts;
    }

    public int PageCount(int pageSize) => Math.Max(1, (devices.Count + pageSize - 1) / pageSize);

    /// <param name="page">1-based.</param>
    public IReadOnlyList<string> PageIds(int page, int pageSize)
    {
        var skip = (page - 1) * pageSize;
        var seen = board.SeenIds(devices.Contains, skip, pageSize);
        if (seen.Count == pageSize)
        {
            return seen;
        }
        // Past the devices that have spoken: the never-seen ones, in id order (a walk of the directory, on the last pages only).
        var neverSeen = devices.Snapshot.Keys.Where(id => !board.Has(id)).Order(StringComparer.Ordinal)
            .Skip(Math.Max(0, skip - board.Count)).Take(pageSize - seen.Count);
        return [.. seen, .. neverSeen];
    }
}
