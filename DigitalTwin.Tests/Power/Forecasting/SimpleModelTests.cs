using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class SimpleModelTests
{
    [Fact]
    public void Naive_AnySeries_RepeatsTheLastValue()
    {
        var forecast = new NaiveModel().Forecast(Input(Series(new YearMonth(2024, 1), 10, 20, 30, 99), new YearMonth(2024, 3), 3));

        Assert.Equal([30.0, 30, 30], forecast.Values);
        Assert.Contains("2024-03", forecast.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Naive_NoHistory_NotApplicable()
    {
        var forecast = new NaiveModel().Forecast(Input(Series(new YearMonth(2024, 5), 1), new YearMonth(2024, 3), 1));

        Assert.False(forecast.IsApplicable);
        Assert.StartsWith("not applicable:", forecast.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SeasonalNaive_GappyHistory_TakesTheSameMonthOfTheLatestObservedYear()
    {
        var history = Series([(new YearMonth(2022, 5), 5.0), (new YearMonth(2023, 1), 1), (new YearMonth(2023, 4), 4), (new YearMonth(2024, 3), 3)]);

        var forecast = new SeasonalNaiveModel().Forecast(Input(history, new YearMonth(2024, 3), 2));

        // 2024-04 ← 2023-04; 2024-05 ← 2022-05 because 2023-05 is a gap.
        Assert.Equal([4.0, 5], forecast.Values);
    }

    [Fact]
    public void SeasonalNaive_LessThanAYear_NotApplicable()
    {
        var forecast = new SeasonalNaiveModel().Forecast(Input(Series(new YearMonth(2024, 1), 1, 2, 3), new YearMonth(2024, 3), 1));

        Assert.Equal("not applicable: no target month observed in an earlier year", forecast.Reason.ToString());
    }

    [Fact]
    public void SeasonalNaive_SomeTargetsWithoutAnEarlierYear_NaNForThoseOnly()
    {
        var history = Series(ShippedDistrictMonths().Select(m => (m, (double)m.Month)));

        var forecast = new SeasonalNaiveModel().Forecast(Input(history, new YearMonth(2024, 3), 2));

        Assert.Equal(4.0, forecast.Values![0]);
        Assert.True(double.IsNaN(forecast.Values[1]));
        Assert.False(forecast.IsComplete);
        Assert.Contains("none for 2024-05", forecast.Reason.ToString(), StringComparison.Ordinal);
    }
}
