using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;

namespace DigitalTwin.Tests.Power;

public sealed class RegionAliasesTests
{
    [Theory]
    [InlineData("서울", "서울특별시")]
    [InlineData(" 서울특별시 ", "서울특별시")]
    [InlineData("강원도", "강원특별자치도")]
    [InlineData("강원", "강원특별자치도")]
    [InlineData("강원특별자치도", "강원특별자치도")]
    [InlineData("전라북도", "전북특별자치도")]
    [InlineData("전북", "전북특별자치도")]
    [InlineData("세종", "세종특별자치시")]
    [InlineData("제주도", "제주특별자치도")]
    [InlineData("전체(시도)", "전국")]
    public void TryCanonicalSido_KnownSpelling_ReturnsTheCurrentName(string name, string expected)
    {
        Assert.True(RegionAliases.TryCanonicalSido(name, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("대구광역도")]
    [InlineData("개성")]
    public void TryCanonicalSido_Unknown_ReturnsFalse(string name) =>
        Assert.False(RegionAliases.TryCanonicalSido(name, out _));

    [Theory]
    [InlineData("경상북도", "군위군", "대구광역시", "군위군")]
    [InlineData("대구광역시", "군위군", "대구광역시", "군위군")]
    [InlineData("인천광역시", "남구", "인천광역시", "미추홀구")]
    [InlineData("부산광역시", "남구", "부산광역시", "남구")]
    [InlineData("경기도", " 수원시 ", "경기도", "수원시")]
    public void CanonicalDistrict_RenamedDistrict_ReturnsItsCurrentIdentity(string sido, string sigungu, string expectedSido, string expectedSigungu) =>
        Assert.Equal(new District(expectedSido, expectedSigungu), RegionAliases.CanonicalDistrict(sido, sigungu));
}
