using DigitalTwin.Core.Power;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

public sealed class ProvinceOverviewTests
{
    private const string Sido = "울산광역시";

    [Fact]
    public void Build_ProvinceRowsOrDistricts_UsesProvinceRowsWhereTheyExist()
    {
        var summaries = ProvinceOverview.Build(
        [
            Row(2023, 1, Sido, PowerUsage.ProvinceTotal, ContractTypes.Total, 1_000),
            Row(2023, 1, Sido, PowerUsage.ProvinceTotal, ContractTypes.Industrial, 700),
            Row(2023, 1, Sido, "남구", ContractTypes.Total, 600),
            Row(2024, 1, Sido, "남구", ContractTypes.Total, 660),
            Row(2024, 1, Sido, "남구", ContractTypes.Industrial, 330),
            Row(2024, 1, Sido, "북구", ContractTypes.Total, 440),
        ]);

        var ulsan = Assert.Single(summaries);
        Assert.Equal([(new YearMonth(2023, 1), 1_000d), (new YearMonth(2024, 1), 1_100d)], ulsan.Totals);
        Assert.Equal(new YearMonth(2024, 1), ulsan.LatestMonth);
        Assert.Equal(0.3, ulsan.IndustrialShare!.Value, 9);
        Assert.Equal(0.1, ulsan.ChangeVsLastYear!.Value, 9);
        Assert.True(ulsan.FromProvinceRows);
        Assert.True(ulsan.SummedFromDistricts);
    }

    [Fact]
    public void Build_NoYearBefore_ChangeIsNull()
    {
        var summaries = ProvinceOverview.Build([Row(2024, 1, Sido, "남구", ContractTypes.Total, 660)]);

        Assert.Null(summaries[0].ChangeVsLastYear);
    }
}
