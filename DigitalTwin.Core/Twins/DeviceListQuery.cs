using DigitalTwin.Core.Devices;

namespace DigitalTwin.Core.Twins;

public enum DeviceSort
{
    Id,
    Name,
    Kind,
    Location,
    Status,
    LastSeen,
}

/// <summary>One page of the device list: search (id, name, location), filters, sort and paging.</summary>
/// <param name="Status">Online, Offline, or Unknown for devices never seen (since the app started); null for all.</param>
public sealed record DeviceListQuery(
    string? Search = null,
    string? Kind = null,
    string? Tag = null,
    DeviceStatus? Status = null,
    DeviceSort Sort = DeviceSort.Id,
    bool Descending = false,
    int Skip = 0,
    int Take = 25)
{
    public const int MaxTake = 200;
}

/// <summary>A device of the list with its live status.</summary>
public sealed record DeviceListItem(Device Device, DeviceStatusEntry Status);

/// <summary>A page of devices and how many match in all.</summary>
public sealed record DeviceListPage(IReadOnlyList<DeviceListItem> Items, int Total);
