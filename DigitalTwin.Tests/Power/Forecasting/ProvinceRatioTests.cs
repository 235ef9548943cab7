using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>The province-ratio peer on the shipped province series, as imported into SQLite.</summary>
public sealed class ProvinceRatioTests(ShippedProvinceData data) : IClassFixture<ShippedProvinceData>
{
    private const string Gyeonggi = "경기도";

    [Theory]
    [InlineData(ContractTypes.Residential, 8)]
    [InlineData(ContractTypes.Total, 9)]
    [InlineData(ContractTypes.Industrial, 1)]
    public void For_ShippedProvince_RatioIsTheMeanOfItsMonthOnMonthRatios(string type, int month)
    {
        var ratios = data.History.ProvinceRatios(Gyeonggi, type)!;

        Assert.Equal(data.MeanRatio(s => s == Gyeonggi, type, month), ratios[month], 12);
        Assert.Equal($"{Gyeonggi} {type} 2020–2022", ratios.Source.ToString());
    }

    [Fact]
    public void For_ProvinceWithoutSeries_FallsBackToTheNationalRatios()
    {
        var ratios = data.History.ProvinceRatios("없는도", ContractTypes.Total)!;

        Assert.All(Enumerable.Range(1, 12), m => Assert.Equal(data.MeanRatio(_ => true, ContractTypes.Total, m), ratios[m], 12));
        Assert.StartsWith("national 합계", ratios.Source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_ProvinceMissingAMonth_FallsBackToTheNationalRatioForThatMonthOnly()
    {
        // Without any August in 경기도, no pair July → August or August → September is left there.
        var rows = data.Csv
            .Where(p => p.Key.Sido != ProvinceOverview.National && !(p.Key.Sido == Gyeonggi && p.Key.Month.Month == 8))
            .Select(p => new UsageRow(p.Key.Month.Year, p.Key.Month.Month, p.Key.Sido, PowerUsage.ProvinceTotal, p.Key.Type, (long)p.Value));
        var history = PowerHistory.FromRows(rows);

        var ratios = history.ProvinceRatios(Gyeonggi, ContractTypes.Residential)!;

        var national = new ProvinceRatios(history).For("없는도", ContractTypes.Residential)!;
        Assert.Equal(national[8], ratios[8], 12);
        Assert.Equal(national[9], ratios[9], 12);
        Assert.Equal(data.MeanRatio(s => s == Gyeonggi, ContractTypes.Residential, 7), ratios[7], 12);
        Assert.NotEqual(national[7], ratios[7]);
        Assert.Contains("national for month 8, 9", ratios.Source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_SeveralMonthsAhead_ChainsTheRatiosFromTheLastValue()
    {
        var district = new District(Gyeonggi, "수원시");
        var history = ForecastTestData.Series(new YearMonth(2024, 1), 100, 110, 120, 130);
        var ratios = data.History.ProvinceRatios(Gyeonggi, ContractTypes.Residential)!;
        var input = new ForecastInput(district, ContractTypes.Residential, history, new YearMonth(2024, 4),
            [new YearMonth(2024, 5), new YearMonth(2024, 6)], ProvinceRatios: ratios);

        var forecast = new ProvinceRatioModel().Forecast(input);

        Assert.Equal(130 * ratios[5], forecast.Values![0], 9);
        Assert.Equal(130 * ratios[5] * ratios[6], forecast.Values![1], 9);
        Assert.Contains("2024-04 × month-on-month ratios of 경기도 주택용 2020–2022", forecast.Reason.ToString(), StringComparison.Ordinal);
    }
}
