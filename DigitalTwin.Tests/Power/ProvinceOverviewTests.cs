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

    [Fact]
    public void Build_NationalRowsEndEarlier_LaterMonthsSummedWhereEveryProvinceHasThem()
    {
        var summaries = ProvinceOverview.Build(
        [
            Row(2022, 12, ProvinceOverview.National, PowerUsage.ProvinceTotal, ContractTypes.Industrial, 4_000),
            Row(2022, 12, Sido, PowerUsage.ProvinceTotal, ContractTypes.Total, 1_000),
            Row(2024, 3, Sido, "남구", ContractTypes.Total, 600),
            Row(2024, 3, Sido, "남구", ContractTypes.Industrial, 300),
            Row(2024, 3, "제주특별자치도", "제주시", ContractTypes.Total, 400),
            Row(2024, 3, "제주특별자치도", "제주시", ContractTypes.Industrial, 20),
            // Only one of the two provinces has April: not a nationwide month.
            Row(2024, 4, Sido, "남구", ContractTypes.Total, 650),
        ]);

        var national = summaries.Single(s => s.Sido == ProvinceOverview.National);
        Assert.Equal([(new YearMonth(2022, 12), 4_000d), (new YearMonth(2024, 3), 1_000d)], national.Totals);
        Assert.Equal((new YearMonth(2024, 3), 1_000d), (national.LatestMonth, national.LatestKwh));
        Assert.Equal(0.32, national.IndustrialShare!.Value, 9);
        Assert.True(national.FromProvinceRows);
        Assert.True(national.SummedFromDistricts);
        Assert.Equal(new YearMonth(2024, 4), summaries.Single(s => s.Sido == Sido).LatestMonth);
    }
}
