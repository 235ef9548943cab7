using DigitalTwin.Core.Power;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

public sealed class DistrictProfileTests
{
    private static readonly District Ulsan = new("울산광역시", "남구");

    [Fact]
    public void From_Parts_IndustrialShareIsShareOfParts()
    {
        var profile = DistrictProfile.From(Ulsan,
        [
            Row(2024, 1, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Industrial, 600),
            Row(2024, 1, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Residential, 300),
            Row(2024, 2, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Industrial, 640),
            Row(2024, 2, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.General, 460),
            Row(2024, 2, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Total, 9_999),
        ]);

        Assert.Equal(0.62, profile.IndustrialShare!.Value, 6);
        Assert.Equal(ContractTypes.Industrial, profile.Mix[0].ContractType);
        Assert.Equal([new YearMonth(2024, 1), new YearMonth(2024, 2)], profile.Months);
    }

    [Fact]
    public void From_NoTotalRow_TotalsAreSumOfParts()
    {
        var profile = DistrictProfile.From(Ulsan,
        [
            Row(2024, 1, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Industrial, 600),
            Row(2024, 1, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Night, null),
            Row(2024, 1, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Residential, 300),
        ]);

        Assert.Equal([900d], profile.Totals);
        Assert.Null(profile.ByType[ContractTypes.Night][0]);
    }

    [Fact]
    public void From_OtherDistrictsRows_AreIgnored()
    {
        var profile = DistrictProfile.From(Ulsan, [Row(2024, 1, "부산광역시", "남구", ContractTypes.Total, 5)]);

        Assert.True(profile.IsEmpty);
        Assert.Null(profile.IndustrialShare);
    }
}
