using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>Districts' 합계 forecast bottom-up: the sum of their contract types' forecasts.</summary>
public sealed class HierarchyTests
{
    /// <summary><see cref="ForecastTestData.Hierarchy"/> (주택용 and 일반용) with 합계 = their sum, for the province and every district.</summary>
    private static PowerHistory WithTotals(List<UsageRow> parts) => PowerHistory.FromRows([.. parts, .. parts
        .GroupBy(r => (r.Year, r.Month, r.Sido, r.Sigungu))
        .Select(g => new UsageRow(g.Key.Year, g.Key.Month, g.Key.Sido, g.Key.Sigungu, ContractTypes.Total, g.Sum(r => r.Kwh)))]);

    [Fact]
    public void Run_DistrictTotal_EqualsTheSumOfItsContractTypesAutoForecasts()
    {
        var forecaster = new Forecaster(WithTotals(Hierarchy(districts: 4, noise: 0.02)));
        var cutoff = new YearMonth(2024, 3);

        var total = forecaster.Run(new ForecastRequest(cutoff, 1, ContractTypes.Total));
        var residential = forecaster.Run(new ForecastRequest(cutoff, 1, ContractTypes.Residential)).Rows.ToDictionary(r => r.District);
        var general = forecaster.Run(new ForecastRequest(cutoff, 1, ContractTypes.General)).Rows.ToDictionary(r => r.District);

        Assert.Equal(4, total.Rows.Count);
        Assert.All(total.Rows, row =>
        {
            var sum = residential[row.District].Forecast!.Value + general[row.District].Forecast!.Value;
            Assert.Equal(sum, row.Forecast!.Value, sum * 1e-9);
            Assert.Contains("bottom-up because the district's contract mix", row.Reason.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Run_PartsForecastPastTheCutoff_TotalIgnoresTheirLaterMonths()
    {
        var rows = Hierarchy(districts: 3, noise: 0.02);
        var cutoff = new YearMonth(2024, 2);
        var tampered = rows.Select(r => new YearMonth(r.Year, r.Month) > cutoff ? r with { Kwh = r.Kwh * 10 } : r).ToList();

        var clean = new Forecaster(WithTotals(rows)).Run(new ForecastRequest(cutoff, 1, ContractTypes.Total));
        var leaked = new Forecaster(WithTotals(tampered)).Run(new ForecastRequest(cutoff, 1, ContractTypes.Total));

        Assert.Equal(clean.Rows.Select(r => r.Forecast), leaked.Rows.Select(r => r.Forecast));
    }
}
