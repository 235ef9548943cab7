using DigitalTwin.Core.Power;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

public sealed class DistrictMeasuresTests
{
    private static readonly YearMonth April = new(2024, 4);
    private static readonly District Ulsan = new("울산광역시", "남구");
    private static readonly District Jongno = new("서울특별시", "종로구");

    private static readonly UsageRow[] Rows =
    [
        Row(2024, 4, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Total, 1_000),
        Row(2024, 4, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Industrial, 700),
        Row(2023, 4, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Total, 800),
        Row(2024, 4, Jongno.Sido, Jongno.Sigungu, ContractTypes.Total, 300),
        Row(2024, 4, Jongno.Sido, Jongno.Sigungu, ContractTypes.Residential, 100),
        Row(2024, 4, Ulsan.Sido, PowerUsage.ProvinceTotal, ContractTypes.Total, 9_999),
        Row(2024, 3, Ulsan.Sido, Ulsan.Sigungu, ContractTypes.Total, 5_000),
    ];

    [Fact]
    public void Compute_Use_KwhOfTheTypeInTheMonthPerDistrict()
    {
        var values = DistrictMeasures.Compute(Rows, April, DistrictMeasure.Use, ContractTypes.Total);

        Assert.Equal(new Dictionary<District, double> { [Ulsan] = 1_000, [Jongno] = 300 }, values);
    }

    [Fact]
    public void Compute_UseOfAMissingType_LeavesTheDistrictOut() =>
        Assert.Equal([Jongno], DistrictMeasures.Compute(Rows, April, DistrictMeasure.Use, ContractTypes.Residential).Keys);

    [Fact]
    public void Compute_IndustrialShare_IndustrialOverTotalNoIndustrialIsZero()
    {
        var values = DistrictMeasures.Compute(Rows, April, DistrictMeasure.IndustrialShare, ContractTypes.Residential);

        Assert.Equal(new Dictionary<District, double> { [Ulsan] = 0.7, [Jongno] = 0 }, values);
    }

    [Fact]
    public void Compute_ChangeVsLastYear_OnlyDistrictsWithTheMonthBefore()
    {
        var values = DistrictMeasures.Compute(Rows, April, DistrictMeasure.ChangeVsLastYear, ContractTypes.Total);

        Assert.Equal(new Dictionary<District, double> { [Ulsan] = 0.25 }, values);
    }
}
