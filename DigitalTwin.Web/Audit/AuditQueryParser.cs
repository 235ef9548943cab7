using System.Globalization;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Web.Audit;

/// <summary>Reads the audit trail's query string, naming each parameter it cannot read (the page's export link uses the same names).</summary>
public static class AuditQueryParser
{
    private const int MaxTextLength = 256;

    public static (AuditQuery Query, Dictionary<string, string[]> Errors) Parse(
        string? user, string? action, string? entity, string? entityId, string? from, string? to, string? offset, string? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = new AuditQuery(
            User: Text(user, "user", errors),
            Action: Text(action, "action", errors),
            EntityType: Text(entity, "entity", errors),
            EntityId: Text(entityId, "entityId", errors),
            From: Time(from, "from", errors),
            To: Time(to, "to", errors),
            Offset: Number(offset, "offset", 0, 0, int.MaxValue, errors),
            Limit: Number(limit, "limit", AuditQuery.DefaultLimit, 1, AuditQuery.MaxLimit, errors));
        if (query.From is { } start && query.To is { } end && start > end)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        return (query, errors);
    }

    private static string? Text(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > MaxTextLength || SafeText.Problem(value) is not null)
        {
            errors[name] = [$"'{name}' must be at most {MaxTextLength} characters of plain text."];
            return null;
        }
        return value.Trim();
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        errors[name] = [$"'{name}' must be an ISO-8601 time (e.g. 2026-05-01T09:00:00Z); got '{Shorten(value)}'."];
        return null;
    }

    private static int Number(string? value, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }
        errors[name] = [max == int.MaxValue ? $"'{name}' must be a whole number ≥ {min}." : $"'{name}' must be a whole number {min}–{max}."];
        return fallback;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
