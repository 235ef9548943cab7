using System.Globalization;

namespace DigitalTwin.Core.Audit;

/// <summary>
/// Short, readable summaries for the audit trail: "name=Hall, kind=meter" for a new or deleted thing,
/// "name: Hall → Hall B; tags: a, b → b" for an edit. Values are cut at <see cref="MaxValueLength"/> characters;
/// callers never pass secrets (snapshots list only fields that are safe to show).
/// </summary>
public static class AuditSummary
{
    public const int MaxValueLength = 120;

    public static string Fields(IEnumerable<KeyValuePair<string, string?>> fields) =>
        string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"{f.Key}={Cut(f.Value)}"));

    /// <summary>The fields whose value differs, old → new; empty when nothing changed.</summary>
    public static string Changes(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = after.Where(f => !string.Equals(before.GetValueOrDefault(f.Key), f.Value, StringComparison.Ordinal))
            .Select(f => $"{f.Key}: {Show(before.GetValueOrDefault(f.Key))} → {Show(f.Value)}");
        return string.Join("; ", changes);
    }

    public static string? Of(object? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The actor as an "acknowledged by" / "imported by" column holds it (those columns keep 128 characters).</summary>
    public static string Who(Actor actor, int maxLength = 128) =>
        actor.DisplayName is { } name && name.Length > maxLength ? name[..(maxLength - 1)] + "…" : actor.DisplayName;

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Show(string? value) => value is null ? "(none)" : Cut(value);

    private static string Cut(string? value) => value is { Length: > MaxValueLength } ? value[..(MaxValueLength - 1)] + "…" : value ?? "";
}
