using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>JSON merge patch (RFC 7396) on objects, and the differences between two documents.</summary>
public static class JsonMergePatch
{
    /// <summary>A copy of <paramref name="target"/> with <paramref name="patch"/> applied: null removes a key, objects merge, anything else replaces.</summary>
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        var result = (JsonObject)target.DeepClone();
        Merge(result, patch);
        return result;
    }

    /// <summary>The patch that turns <paramref name="from"/> into <paramref name="to"/> (null for each removed key).</summary>
    public static JsonObject Diff(JsonObject from, JsonObject to)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in to)
        {
            if (!from.TryGetPropertyValue(key, out var old) || !JsonNode.DeepEquals(old, value))
            {
                patch[key] = old is JsonObject oldObject && value is JsonObject newObject ? Diff(oldObject, newObject) : value?.DeepClone();
            }
        }
        foreach (var (key, _) in from)
        {
            if (!to.ContainsKey(key))
            {
                patch[key] = null;
            }
        }
        return patch;
    }

    /// <summary>The desired entries the reported document does not match; nested objects give only their differing keys.</summary>
    public static JsonObject Delta(JsonObject desired, JsonObject reported)
    {
        var delta = new JsonObject();
        foreach (var (key, value) in desired)
        {
            var has = reported.TryGetPropertyValue(key, out var actual);
            if (value is JsonObject desiredObject && actual is JsonObject reportedObject)
            {
                var inner = Delta(desiredObject, reportedObject);
                if (inner.Count > 0)
                {
                    delta[key] = inner;
                }
            }
            else if (!has || !JsonNode.DeepEquals(value, actual))
            {
                delta[key] = value?.DeepClone();
            }
        }
        return delta;
    }

    /// <summary>Compact JSON text, as stored and published.</summary>
    public static string ToText(JsonNode node) => node.ToJsonString(JsonSerializerOptions.Default);

    /// <remarks>Walked once so that every node is built now: parsed nodes build their children lazily, and the documents are then read from many threads.</remarks>
    internal static JsonObject ParseObject(string text)
    {
        var document = JsonNode.Parse(text) as JsonObject ?? [];
        Walk(document);
        return document;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Walk(value);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item);
                }
                break;
        }
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject)
            {
                if (target[key] is not JsonObject targetObject)
                {
                    targetObject = [];
                    target[key] = targetObject;
                }
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
