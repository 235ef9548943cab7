using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DigitalTwin.Web.Problems;

/// <summary>A JSON body that did not deserialize: the field (from the exception's path) and what it accepts.</summary>
internal static class JsonPaths
{
    public static (string Field, string Message) Describe(JsonException exception, Type? bodyType, JsonSerializerOptions options)
    {
        var segments = Segments(exception.Path);
        var field = segments.Count == 0 ? BindingErrorDescriber.Body : Field(segments);
        var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"line {line + 1}, byte {position + 1}"
            : "an unknown position";
        // The reader's own exception (malformed JSON) is kept as the inner one; a value of the wrong type has none.
        if (exception.InnerException is JsonException reader)
        {
            return (field, $"Malformed JSON at {where}: {Reason(reader.Message)}");
        }
        var accepted = bodyType is null ? null : Resolve(bodyType, segments, options) is { } type ? AcceptedValues.Describe(type) : null;
        return (field, accepted is null
            ? $"The value at {where} could not be read: {Reason(exception.Message)}"
            : $"The value at {where} is not valid: {accepted}.");
    }

    /// <summary>"$.tags[2]" → tags, [2]; "$['odd name'].x" → odd name, x.</summary>
    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        var text = path is { Length: > 0 } ? path.TrimStart('$') : "";
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text.AsSpan(i).StartsWith("['"))
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 2)..end]);
                i = end + 2;
            }
            else
            {
                var end = text.IndexOf(']', i);
                end = end < 0 ? text.Length : end + 1;
                segments.Add(text[i..end]);
                i = end;
            }
        }
        return segments;
    }

    private static string Field(List<string> segments) =>
        string.Concat(segments.Select((s, i) => s.StartsWith('[') ? s : i == 0 ? s : "." + s));

    /// <summary>The declared type at the path, through objects, collections and dictionaries; null when unknown.</summary>
    private static Type? Resolve(Type root, List<string> segments, JsonSerializerOptions options)
    {
        var type = root;
        foreach (var segment in segments)
        {
            var info = options.GetTypeInfo(type);
            type = info.Kind switch
            {
                JsonTypeInfoKind.Object => Property(info, segment)?.PropertyType,
                JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }
        return type;
    }

    private static JsonPropertyInfo? Property(JsonTypeInfo info, string name) =>
        info.Properties.FirstOrDefault(p => string.Equals(p.Name, name,
            info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    /// <summary>The message without the path and position System.Text.Json appends (they are said once, better).</summary>
    private static string Reason(string message)
    {
        var cut = FirstIndexOf(message, ["Path:", "LineNumber:"]);
        return (cut < 0 ? message : message[..cut]).Trim().TrimEnd('|').Trim();
    }

    private static int FirstIndexOf(string text, string[] values) =>
        values.Select(v => text.IndexOf(v, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
}
