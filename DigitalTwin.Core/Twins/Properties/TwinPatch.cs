using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>Why a patch or a reported message was refused (counted per reason for reported messages).</summary>
public enum TwinPatchRefusal
{
    TooLarge,
    NotJson,
    NotAnObject,
    TooDeep,
    ReservedKey,
}

/// <summary>A parsed merge patch, or why it was refused, in words for a ProblemDetails or a PUBACK reason.</summary>
public sealed record TwinPatchResult(JsonObject? Patch, TwinPatchRefusal? Refusal = null, string? Error = null);

/// <summary>
/// The limits every desired or reported patch, and every resulting document, keeps: at most
/// <see cref="MaxBytes"/> bytes of UTF-8 JSON, objects and arrays nested at most <see cref="MaxDepth"/> deep, and no
/// top-level key starting with '$' (reserved: the published desired document carries "$version").
/// </summary>
public static class TwinPatch
{
    public const int MaxBytes = 8 * 1024;
    public const int MaxDepth = 8;
    public const string VersionKey = "$version";

    public static TwinPatchResult Parse(ReadOnlySequence<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            return Refuse(TwinPatchRefusal.TooLarge, $"The patch is {payload.Length:N0} bytes; at most {MaxBytes:N0} are allowed.");
        }
        JsonNode? node;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 64 });
            node = JsonNode.Parse(ref reader);
        }
        catch (JsonException ex)
        {
            return Refuse(TwinPatchRefusal.NotJson, $"The patch is not valid JSON: {ex.Message}");
        }
        if (node is not JsonObject patch)
        {
            return Refuse(TwinPatchRefusal.NotAnObject, $"The patch must be a JSON object (a merge patch), not {Describe(node)}.");
        }
        if (Depth(patch) > MaxDepth)
        {
            return Refuse(TwinPatchRefusal.TooDeep, $"The patch nests objects and arrays {Depth(patch)} deep; at most {MaxDepth} are allowed.");
        }
        if (patch.Select(p => p.Key).FirstOrDefault(k => k.StartsWith('$')) is { } reserved)
        {
            return Refuse(TwinPatchRefusal.ReservedKey, $"Key '{reserved}' is reserved: top-level keys starting with '$' belong to the app.");
        }
        return new TwinPatchResult(patch);
    }

    /// <summary>Null when the document a patch produced keeps the limits; otherwise why not.</summary>
    public static string? CheckDocument(string name, JsonObject document)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(JsonMergePatch.ToText(document));
        if (bytes > MaxBytes)
        {
            return $"The {name} document would be {bytes:N0} bytes; at most {MaxBytes:N0} are allowed.";
        }
        var depth = Depth(document);
        return depth > MaxDepth ? $"The {name} document would nest {depth} deep; at most {MaxDepth} are allowed." : null;
    }

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + (o.Count == 0 ? 0 : o.Max(p => Depth(p.Value))),
        JsonArray a => 1 + (a.Count == 0 ? 0 : a.Max(Depth)),
        _ => 0,
    };

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => $"a {node.GetValueKind().ToString().ToLowerInvariant()}",
    };

    private static TwinPatchResult Refuse(TwinPatchRefusal refusal, string error) => new(null, refusal, error);
}
