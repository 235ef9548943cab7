using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Power;

namespace DigitalTwin.Tests.Power;

public sealed class DistrictBoundariesTests
{
    [Fact]
    public void Load_ShippedFile_EveryFeatureNamesItsKepcoDistrict()
    {
        var document = DistrictBoundaries.Load(null);

        Assert.NotNull(document);
        var geometries = JsonNode.Parse(document.Json)!["objects"]![DistrictBoundaries.ObjectName]!["geometries"]!.AsArray();
        Assert.Equal(document.Features.Count, geometries.Count);
        Assert.All(geometries, g => Assert.False(string.IsNullOrEmpty((string?)g!["properties"]!["sigungu"])));
        var jangan = geometries.Single(g => (string?)g!["properties"]!["name"] == "수원시장안구")!["properties"]!;
        Assert.Equal(("경기도", "수원시"), ((string?)jangan["sido"], (string?)jangan["sigungu"]));
        // Hangul is sent as UTF-8, not escaped.
        Assert.Contains("\"sigungu\":\"수원시\"", Encoding.UTF8.GetString(document.Json));
    }

    [Fact]
    public void Annotate_UnknownCode_LeavesTheFeatureWithoutDistrict()
    {
        var topo = """{"type":"Topology","objects":{"skorea_municipalities_2018_geo":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[],"properties":{"code":"99010","name":"개성시"}},{"type":"Polygon","arcs":[],"properties":{"code":"23030","name":"남구"}}]}},"arcs":[]}""";

        var document = DistrictBoundaries.Annotate(Encoding.UTF8.GetBytes(topo));

        var geometries = JsonNode.Parse(document.Json)!["objects"]![DistrictBoundaries.ObjectName]!["geometries"]!.AsArray();
        Assert.Null(geometries[0]!["properties"]!["sido"]);
        Assert.Equal("미추홀구", (string?)geometries[1]!["properties"]!["sigungu"]);
        Assert.Equal([new KostatFeature("99010", "개성시"), new KostatFeature("23030", "남구")], document.Features);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"objects":{"other":{"geometries":[]}}}""")]
    public void Annotate_NotTheKostatFile_ThrowsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => DistrictBoundaries.Annotate(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Load_NoDataDirectory_ReturnsNull() =>
        Assert.Null(DistrictBoundaries.Load(Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}")));
}
