using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class YearOnYearTests
{
    [Fact]
    public void Forecast_ShippedMonths_LastYearsMonthTimesTheMeanGrowthOfTheLastThree()
    {
        // 2023-01..04 = 100, 200, 300, 400; 2024-01..03 grew by 10 %, 20 %, 30 %.
        var history = Series([
            (new YearMonth(2023, 1), 100), (new YearMonth(2023, 2), 200), (new YearMonth(2023, 3), 300), (new YearMonth(2023, 4), 400),
            (new YearMonth(2024, 1), 110), (new YearMonth(2024, 2), 240), (new YearMonth(2024, 3), 390)]);

        var forecast = new YearOnYearModel().Forecast(Input(history, new YearMonth(2024, 3), 2));

        Assert.Equal(400 * 1.2, forecast.Values![0], 9);
        Assert.True(double.IsNaN(forecast.Values[1]), "2023-05 was never observed");
    }

    [Fact]
    public void Forecast_NoYearEarlier_NotApplicable()
    {
        var forecast = new YearOnYearModel().Forecast(Input(Series(new YearMonth(2024, 1), 1, 2, 3), new YearMonth(2024, 3), 1));

        Assert.False(forecast.IsApplicable);
    }

    [Theory]
    [InlineData(9, 9.0)]
    [InlineData(19, 18.0)]
    [InlineData(99, 90.0)]
    public void Conformal_NineOfTenCovered_TakesTheCeilingRank(int count, double expected)
    {
        var scores = Enumerable.Range(1, count).Select(i => (double)i).ToList();

        Assert.Equal(expected, Quantiles.Conformal(scores, 0.9));
    }
}
