using DigitalTwin.Core.Devices;
using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Web.Alerts;

/// <summary>Reads the alert list's query string, naming each parameter it cannot read.</summary>
public static class AlertQueryParser
{
    public static (AlertQuery Query, Dictionary<string, string[]> Errors) Parse(
        string? state, string? severity, string? device, string? from, string? to, string? acknowledged, long? rule, int? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var open = string.Equals(state, "Open", StringComparison.OrdinalIgnoreCase);
        var query = new AlertQuery(
            State: open ? null : Enum<AlertState>(state, "state", "Pending, Active, Cleared or Open", errors),
            Severity: Enum<AlertSeverity>(severity, "severity", "Critical, Major, Minor or Warning", errors),
            DeviceId: device,
            From: Time(from, "from", errors),
            To: Time(to, "to", errors),
            Acknowledged: Bool(acknowledged, errors),
            RuleId: rule,
            Limit: limit ?? 500)
        { OpenOnly = open };
        if (device is not null && !DeviceId.IsValid(device))
        {
            errors["device"] = [$"'device' must be a device id: {DeviceId.Rule}."];
        }
        if (query.From > query.To)
        {
            errors["from"] = ["'from' must not be after 'to'."];
        }
        if (limit is < 1 or > AlertQuery.MaxLimit)
        {
            errors["limit"] = [$"'limit' must be 1–{AlertQuery.MaxLimit}."];
        }
        return (query, errors);
    }

    private static T? Enum<T>(string? value, string name, string allowed, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        errors[name] = [$"'{name}' must be {allowed}; got '{value}'."];
        return null;
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        errors[name] = [$"'{name}' must be an ISO-8601 time (e.g. 2024-05-01T09:00:00Z); got '{value}'."];
        return null;
    }

    private static bool? Bool(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }
        errors["acknowledged"] = [$"'acknowledged' must be true or false; got '{value}'."];
        return null;
    }
}
