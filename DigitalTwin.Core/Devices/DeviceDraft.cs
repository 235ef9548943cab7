using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Devices;

/// <summary>The editable fields of a device, as a client sends them to create or edit one.</summary>
public sealed record DeviceDraft(
    string? Id,
    string? Name,
    string? Kind,
    string? Location,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string>? Metadata,
    TimeSpan? OfflineAfter)
{
    public const int MaxNameLength = 200;
    public const int MaxKindLength = 64;
    public const int MaxLocationLength = 200;
    public const int MaxTags = 32;
    public const int MaxTagLength = 64;
    public const int MaxMetadataEntries = 64;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 1024;

    /// <summary>Field name (camelCase, as in the JSON) to its problems; empty when the draft is valid.</summary>
    public Dictionary<string, string[]> Validate(bool requireId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (requireId && !DeviceId.IsValid(Id))
        {
            errors["id"] = [$"'id' is required: {DeviceId.Rule}."];
        }
        if (string.IsNullOrWhiteSpace(Kind) || Kind.Length > MaxKindLength || !Kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors["kind"] = [$"'kind' is required: 1–{MaxKindLength} letters, digits, '-' or '_' (e.g. thermometer, meter)."];
        }
        if (Name is { Length: > MaxNameLength })
        {
            errors["name"] = [$"'name' may have at most {MaxNameLength} characters."];
        }
        if (Location is { Length: > MaxLocationLength })
        {
            errors["location"] = [$"'location' may have at most {MaxLocationLength} characters."];
        }
        if (Tags is { } tags && (tags.Count > MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength)))
        {
            errors["tags"] = [$"'tags' may hold at most {MaxTags} non-empty tags of at most {MaxTagLength} characters."];
        }
        if (Metadata is { } metadata && (metadata.Count > MaxMetadataEntries
            || metadata.Any(m => string.IsNullOrWhiteSpace(m.Key) || m.Key.Length > MaxMetadataKeyLength || m.Value is null || m.Value.Length > MaxMetadataValueLength)))
        {
            errors["metadata"] = [$"'metadata' may hold at most {MaxMetadataEntries} entries, keys of 1–{MaxMetadataKeyLength} characters, string values of at most {MaxMetadataValueLength}."];
        }
        AddUnsafeText(errors);
        if (OfflineAfter is { } offlineAfter && (offlineAfter <= TimeSpan.Zero || offlineAfter > TimeSpan.FromDays(30)))
        {
            errors["offlineAfter"] = ["'offlineAfter' must be a positive duration of at most 30 days (e.g. \"00:05:00\")."];
        }
        return errors;
    }

    /// <summary>Control and bidi-override characters in any typed field (see <see cref="SafeText"/>); the first one found per field.</summary>
    private void AddUnsafeText(Dictionary<string, string[]> errors)
    {
        void Check(string field, IEnumerable<string?> values)
        {
            if (!errors.ContainsKey(field) && values.Select(v => SafeText.FieldError(field, v)).FirstOrDefault(e => e is not null) is { } error)
            {
                errors[field] = [error];
            }
        }
        Check("name", [Name]);
        Check("location", [Location]);
        Check("tags", Tags ?? []);
        Check("metadata", Metadata is null ? [] : Metadata.Keys.Concat(Metadata.Values));
    }

    public void ApplyTo(Device device)
    {
        device.Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        device.Kind = Kind!.Trim();
        device.Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
        device.Tags = Tags is null ? [] : [.. Tags.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
        device.Metadata = Metadata is null ? [] : new Dictionary<string, string>(Metadata, StringComparer.Ordinal);
        device.OfflineAfter = OfflineAfter;
    }
}
