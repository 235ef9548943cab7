using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power;

/// <summary>The boundary file ready to send: TopoJSON whose features carry their KEPCO <c>sido</c> and <c>sigungu</c>.</summary>
/// <param name="Json">UTF-8 TopoJSON, serialized once.</param>
/// <param name="Gzip"><paramref name="Json"/> gzip-compressed once, for clients that accept it (a quarter of the size).</param>
/// <param name="ETag">A hash of <paramref name="Json"/>, quoted, for HTTP caching.</param>
public sealed record BoundaryDocument(byte[] Json, byte[] Gzip, string ETag, IReadOnlyList<KostatFeature> Features);

/// <summary>
/// Reads the KOSTAT 시군구 boundaries shipped in data/geo once and annotates every feature with the KEPCO district
/// it is drawn for (<see cref="KostatDistrictMatcher"/>), so the browser needs no name matching of its own.
/// </summary>
public sealed class DistrictBoundaries(IOptions<PowerOptions> options)
{
    /// <summary>Relative to data/: KOSTAT 2018 municipalities, simplified.</summary>
    public static readonly string FileName = Path.Combine("geo", "skorea-municipalities-2018-topo-simple.json");

    /// <summary>The TopoJSON object that holds the 시군구 geometries.</summary>
    public const string ObjectName = "skorea_municipalities_2018_geo";

    private readonly Lazy<BoundaryDocument?> _document = new(() => Load(options.Value.DataDirectory));

    /// <summary>The annotated file, or null when data/geo is not there (a published app without its data folder).</summary>
    public BoundaryDocument? Document => _document.Value;

    /// <summary>The boundary file's path, or null when data/ cannot be found.</summary>
    public static string? PathOf(string? dataDirectory) =>
        SampleData.FindDirectory(dataDirectory) is { } data && File.Exists(Path.Combine(data, FileName)) ? Path.Combine(data, FileName) : null;

    public static BoundaryDocument? Load(string? dataDirectory) =>
        PathOf(dataDirectory) is { } path ? Annotate(File.ReadAllBytes(path)) : null;

    /// <summary>Adds <c>sido</c> and <c>sigungu</c> to each geometry's properties; features that match nothing get neither.</summary>
    public static BoundaryDocument Annotate(byte[] topoJson)
    {
        var root = JsonNode.Parse(topoJson) as JsonObject ?? throw new InvalidDataException("The boundary file is not a JSON object.");
        var geometries = root["objects"]?[ObjectName]?["geometries"] as JsonArray
            ?? throw new InvalidDataException($"The boundary file has no TopoJSON object '{ObjectName}'.");
        var features = new List<KostatFeature>(geometries.Count);
        foreach (var geometry in geometries)
        {
            var properties = geometry?["properties"] as JsonObject ?? throw new InvalidDataException("A boundary feature has no properties.");
            var feature = new KostatFeature((string?)properties["code"] ?? "", (string?)properties["name"] ?? "");
            features.Add(feature);
            if (KostatDistrictMatcher.TryMatch(feature, out var district))
            {
                properties["sido"] = district.Sido;
                properties["sigungu"] = district.Sigungu;
            }
        }
        // Hangul as is, not \uXXXX: a third of the size.
        var json = Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return new BoundaryDocument(json, Compress(json), $"\"{Convert.ToHexStringLower(SHA256.HashData(json))[..16]}\"", features);
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
