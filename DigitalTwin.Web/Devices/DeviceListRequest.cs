using System.Globalization;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;

namespace DigitalTwin.Web.Devices;

/// <summary>Validates the query string of <c>GET /api/devices</c> into the same <see cref="DeviceListQuery"/> the /devices page sends.</summary>
internal static class DeviceListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxSearchLength = 200;

    private static readonly Dictionary<string, DeviceStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["online"] = DeviceStatus.Online,
        ["offline"] = DeviceStatus.Offline,
        ["never-seen"] = DeviceStatus.Unknown,
        // The name the responses give the status.
        ["unknown"] = DeviceStatus.Unknown,
    };

    private static readonly Dictionary<string, DeviceSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = DeviceSort.Id,
        ["name"] = DeviceSort.Name,
        ["kind"] = DeviceSort.Kind,
        ["location"] = DeviceSort.Location,
        ["status"] = DeviceSort.Status,
        ["lastSeen"] = DeviceSort.LastSeen,
    };

    public static (DeviceListQuery? Query, string? Error) Parse(
        string? search, string? kind, string? tag, string? status, string? sort, string? order, string? offset, string? limit)
    {
        if ((TooLong("search", search) ?? TooLong("kind", kind) ?? TooLong("tag", tag)) is { } tooLong)
        {
            return (null, tooLong);
        }
        DeviceStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Statuses.TryGetValue(status, out var parsedStatus))
            {
                return (null, $"'status' ({status}) must be one of online, offline, never-seen.");
            }
            statusFilter = parsedStatus;
        }
        var sortBy = DeviceSort.Id;
        if (!string.IsNullOrEmpty(sort) && !Sorts.TryGetValue(sort, out sortBy))
        {
            return (null, $"'sort' ({sort}) must be one of {string.Join(", ", Sorts.Keys)}.");
        }
        var descending = false;
        if (!string.IsNullOrEmpty(order))
        {
            descending = order.Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (!descending && !order.Equals("asc", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"'order' ({order}) must be asc or desc.");
            }
        }
        if (!TryParseInt(offset, 0, 0, int.MaxValue, out var skip))
        {
            return (null, $"'offset' ({offset}) must be a whole number from 0.");
        }
        if (!TryParseInt(limit, DefaultLimit, 1, DeviceListQuery.MaxTake, out var take))
        {
            return (null, $"'limit' ({limit}) must be a whole number from 1 to {DeviceListQuery.MaxTake}.");
        }
        return (new DeviceListQuery(search, kind, tag, statusFilter, sortBy, descending, skip, take), null);
    }

    private static string? TooLong(string name, string? value) => value?.Length > MaxSearchLength
        ? $"'{name}' has {value.Length} characters; at most {MaxSearchLength} are allowed."
        : null;

    private static bool TryParseInt(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
