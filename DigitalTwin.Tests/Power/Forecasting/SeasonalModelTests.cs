using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class SeasonalModelTests
{
    private static readonly YearMonth Start = new(2020, 1);

    [Theory]
    [InlineData(Seasonality.Multiplicative)]
    [InlineData(Seasonality.Additive)]
    public void Ets_ThreeYearsOfTrendAndSeason_RecoversTheNextYear(Seasonality kind)
    {
        double Truth(int t) => kind == Seasonality.Multiplicative
            ? (1000 + 5 * t) * Shape(t % 12 + 1)
            : 1000 + 5 * t + 200 * (Shape(t % 12 + 1) - 1);
        var history = Series(Start, [.. Enumerable.Range(0, 36).Select(Truth)]);

        var forecast = new EtsModel(kind).Forecast(Input(history, new YearMonth(2022, 12), 12));

        Assert.True(forecast.IsApplicable, forecast.Reason.ToString());
        for (var h = 0; h < 12; h++)
        {
            Assert.InRange(forecast.Values![h] / Truth(36 + h), 0.98, 1.02);
        }
    }

    [Fact]
    public void Ets_AutomaticSeasonality_PicksTheBetterFit()
    {
        var history = Series(Start, [.. Enumerable.Range(0, 36).Select(t => (1000 + 20 * t) * Shape(t % 12 + 1))]);

        var forecast = new EtsModel().Forecast(Input(history, new YearMonth(2022, 12), 1));

        Assert.Contains("multiplicative", forecast.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ets_ShippedDistrictMonths_NotApplicableForLackOfTwoSeasons()
    {
        var history = Series(ShippedDistrictMonths().Select(m => (m, 100.0)));

        var forecast = new EtsModel().Forecast(Input(history, new YearMonth(2024, 4), 1));

        Assert.False(forecast.IsApplicable);
        Assert.Contains("2 seasons", forecast.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SeasonalProfile_CompleteYears_MedianRatioToYearMean()
    {
        var series = Series(Start, [.. Enumerable.Range(0, 36).Select(t => 50 * (1 + t / 12) * Shape(t % 12 + 1))]);

        var profile = SeasonalProfile.From(series, "test")!;

        var mean = Enumerable.Range(1, 12).Average(Shape);
        Assert.All(Enumerable.Range(1, 12), m => Assert.Equal(Shape(m) / mean, profile[m], 9));
        Assert.Equal(3, profile.Years);
    }

    [Fact]
    public void SeasonalProfile_NoCompleteYear_Null() =>
        Assert.Null(SeasonalProfile.From(Series(ShippedDistrictMonths().Select(m => (m, 1.0))), "test"));

    [Fact]
    public void ProvinceShape_FourMonthsOfDistrict_BorrowsTheProvinceShape()
    {
        var profile = SeasonalProfile.From(Series(Start, [.. Enumerable.Range(0, 24).Select(t => 1e9 * Shape(t % 12 + 1))]), "경기도 주택용")!;
        // The district is 3 GWh × the shape; its level is read from Feb..Apr and carried to May..Jul.
        var history = Series(Enumerable.Range(1, 4).Select(m => (new YearMonth(2024, m), 3e6 * Shape(m))));

        var forecast = new ProvinceShapeModel().Forecast(Input(history, new YearMonth(2024, 4), 3, profile));

        Assert.Equal([3e6 * Shape(5), 3e6 * Shape(6), 3e6 * Shape(7)], forecast.Values!, (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.Contains("경기도 주택용", forecast.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("2024-02..2024-04", forecast.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProvinceShape_NoProfile_NotApplicable()
    {
        var forecast = new ProvinceShapeModel().Forecast(Input(Series(new YearMonth(2024, 1), 1, 2), new YearMonth(2024, 2), 1));

        Assert.Equal("not applicable: no province seasonal profile for this contract type", forecast.Reason.ToString());
    }
}
