using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;

namespace DigitalTwin.Tests.Power;

/// <summary>The shipped KOSTAT boundaries against the districts of the shipped KEPCO data.</summary>
public sealed class KostatDistrictMatcherTests
{
    private static readonly Lazy<BoundaryDocument> Shipped = new(() =>
        DistrictBoundaries.Load(null) ?? throw new InvalidOperationException($"data/{DistrictBoundaries.FileName} not found"));

    /// <summary>Every district of data/kepco's long file, as the importer stores it (canonical 시도 and district).</summary>
    private static IReadOnlyList<District> KepcoDistricts()
    {
        var path = Path.Combine(SampleData.FindDirectory()!, "kepco", "kepco_sigungu_monthly_long.csv");
        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => RegionAliases.TryCanonicalSido(f[2], out var sido) ? RegionAliases.CanonicalDistrict(sido, f[3]) : throw new InvalidDataException(f[2]))
            .Distinct()];
    }

    [Fact]
    public void Compare_ShippedBoundariesAndKepcoData_EveryDistrictDrawnAndEveryPolygonUsed()
    {
        var districts = KepcoDistricts();

        var report = KostatDistrictMatcher.Compare(Shipped.Value.Features, districts);

        Assert.Empty(report.UnmatchedFeatures);
        Assert.Empty(report.DistrictsWithoutBoundary);
        Assert.Equal(Shipped.Value.Features.Count, report.Matched.Count);
        Assert.Equal(districts.Count, report.Matched.Select(m => m.District).Distinct().Count());
    }

    [Theory]
    [InlineData("31011", "수원시장안구", "경기도", "수원시")]
    [InlineData("38113", "창원시마산합포구", "경상남도", "창원시")]
    [InlineData("31103", "고양시일산동구", "경기도", "고양시")]
    [InlineData("37011", "포항시남구", "경상북도", "포항시")]
    [InlineData("35011", "전주시완산구", "전북특별자치도", "전주시")]
    [InlineData("23030", "남구", "인천광역시", "미추홀구")]
    [InlineData("21070", "남구", "부산광역시", "남구")]
    [InlineData("37310", "군위군", "대구광역시", "군위군")]
    [InlineData("29010", "세종시", "세종특별자치시", "세종시")]
    [InlineData("32010", "춘천시", "강원특별자치도", "춘천시")]
    [InlineData("31050", "부천시", "경기도", "부천시")]
    [InlineData("11020", "중구", "서울특별시", "중구")]
    public void TryMatch_KostatQuirk_GivesTheKepcoDistrict(string code, string name, string sido, string sigungu)
    {
        Assert.True(KostatDistrictMatcher.TryMatch(new KostatFeature(code, name), out var district));
        Assert.Equal(new District(sido, sigungu), district);
    }

    [Theory]
    [InlineData("31011", "수원시장안구")]
    [InlineData("23030", "남구")]
    [InlineData("37310", "군위군")]
    [InlineData("29010", "세종시")]
    [InlineData("31050", "부천시")]
    public void ShippedFile_QuirkFeature_IsThere(string code, string name) =>
        Assert.Contains(new KostatFeature(code, name), Shipped.Value.Features);

    [Fact]
    public void ShippedFile_SplitCities_MergeTheirGuIntoOneDistrict()
    {
        var byDistrict = Shipped.Value.Features
            .Select(f => (Feature: f, Ok: KostatDistrictMatcher.TryMatch(f, out var d), District: d))
            .GroupBy(m => m.District)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Feature.Name).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["수원시권선구", "수원시영통구", "수원시장안구", "수원시팔달구"], byDistrict[new District("경기도", "수원시")]);
        Assert.Equal(5, byDistrict[new District("경상남도", "창원시")].Count);
        Assert.Equal(11, byDistrict.Count(p => p.Value.Count > 1));
    }

    [Theory]
    [InlineData("99010", "개성시")]
    [InlineData("1", "종로구")]
    [InlineData("11010", " ")]
    public void TryMatch_UnknownCodeOrNoName_ReturnsFalse(string code, string name) =>
        Assert.False(KostatDistrictMatcher.TryMatch(new KostatFeature(code, name), out _));

    [Fact]
    public void Compare_Mismatches_ReportedBothWays()
    {
        var jongno = new KostatFeature("11010", "종로구");
        var gaeseong = new KostatFeature("99010", "개성시");
        var yeosu = new KostatFeature("36020", "여수시");

        var report = KostatDistrictMatcher.Compare([jongno, gaeseong, yeosu], [new("서울특별시", "종로구"), new("서울특별시", "없는구")]);

        Assert.Equal([gaeseong, yeosu], report.UnmatchedFeatures);
        Assert.Equal([new District("서울특별시", "없는구")], report.DistrictsWithoutBoundary);
        Assert.Equal([new District("서울특별시", "종로구"), new District("전라남도", "여수시")], report.Matched.Select(m => m.District));
    }
}
