using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class ForecasterTests
{
    private static readonly YearMonth Cutoff = new(2024, 3);

    [Fact]
    public void Run_ShortDistrictHistory_ProvinceShapeBorrowsTheSeasonalShape()
    {
        var history = PowerHistory.FromRows(Hierarchy(districts: 30, noise: 0.002, growth2024: 0.1));

        var run = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential, ForecastModels.ProvinceShape));

        Assert.Equal(30, run.Rows.Count);
        Assert.All(run.Rows, r => Assert.Contains("seasonal shape of 경기도 주택용 (3 years)", r.Reason.ToString(), StringComparison.Ordinal));
        Assert.InRange(run.Overall.Mape, 0, 1);
    }

    [Fact]
    public void Run_ShortDistrictHistoryAuto_CalendarWeightsFavourTheModelsThatUseTheProvince()
    {
        // The districts are the province shape × a size that grew 10 % in 2024: the same month last year is
        // 10 % off; the borrowed shape and ratios are not. On the province series seasonal naive also trails
        // (the province grows), so the weights auto learned there must keep its 10 % out of the mean.
        var history = PowerHistory.FromRows(Hierarchy(districts: 30, noise: 0.002, growth2024: 0.1));

        var run = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential));

        Assert.All(run.Rows, r => Assert.Equal(ForecastModels.Auto, r.Model));
        Assert.All(run.Rows, r => Assert.Contains("weights learned on province backtests for month 4 at 1 ahead", r.Reason.ToString(), StringComparison.Ordinal));
        Assert.True(run.Overall.Mape < 1, run.Rows[0].Reason.ToString());
        Assert.True(run.Overall.Mape < run.Models.Single(m => m.Model == ForecastModels.SeasonalNaive).Metrics.Mape / 5);
    }

    [Fact]
    public void Run_RequestedModelNotApplicable_RowSaysWhyWithoutAForecast()
    {
        var history = PowerHistory.FromRows(Hierarchy(districts: 3, noise: 0.01));

        var run = new Forecaster(history).Run(new ForecastRequest(Cutoff, 2, ContractTypes.Residential, ForecastModels.Ets));

        Assert.All(run.Rows, r => Assert.Null(r.Forecast));
        Assert.All(run.Rows, r => Assert.Contains("not applicable: needs ≥ 2 seasons", r.Reason.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, run.Overall.Count);
    }

    [Fact]
    public void Backtest_AnyDistrict_UsesOnlyMonthsBeforeTheCutoff()
    {
        var history = PowerHistory.FromRows(Hierarchy(districts: 5, noise: 0.05));
        var sets = new Dictionary<YearMonth, ModelSet>();
        ModelSet SetAt(YearMonth m) => sets.TryGetValue(m, out var s) ? s : sets[m] = new ModelSet(history.Until(m), m);

        var points = history.Until(Cutoff).Districts(ContractTypes.Residential)
            .SelectMany(d => Backtest.Run(d, ContractTypes.Residential, SetAt(Cutoff), 12, ForecastModels.Concrete, SetAt))
            .ToList();

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(p.Target <= Cutoff && p.Origin < p.Target));
        Assert.All(sets.Keys, m => Assert.True(m <= Cutoff));
    }

    [Fact]
    public void Run_AutoOnRepeatingPastButFlatFuture_ChoosesByThePastOnly()
    {
        // Up to the cutoff every year repeats the last exactly (seasonal naive is perfect there); afterwards
        // (unseen) every month is 1 kWh, where naive would have been far better.
        var rows = Enumerable.Range(0, 10).SelectMany(d => Rows(
            new District("경기도", $"구{d}"), ContractTypes.Residential,
            ShippedDistrictMonths().Select(m => (m, m <= Cutoff ? 1000.0 * (d + 1) * (1 + 0.2 * m.Month) : 1.0)))).ToList();

        var run = new Forecaster(PowerHistory.FromRows(rows)).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential));

        // No province series to learn the calendar from: auto is the ensemble, and seasonal naive was perfect
        // before the cutoff, so it carries the ensemble: last April's value.
        Assert.All(run.Rows, r => Assert.Contains("auto: no province series to learn the calendar from, so the ensemble", r.Reason.ToString(), StringComparison.Ordinal));
        Assert.All(run.Rows, r => Assert.InRange(r.Forecast!.Value / (1000.0 * (int.Parse(r.District.Sigungu[1..], CultureInfo.InvariantCulture) + 1) * 1.8), 0.98, 1.02));
    }

    [Fact]
    public void Run_ValuesAfterTheCutoffChanged_NoForecastChanges()
    {
        var original = Hierarchy(districts: 40, noise: 0.05);
        var random = new Random(7);
        var tampered = original.Select(r => new YearMonth(r.Year, r.Month) > Cutoff
            ? r with { Kwh = (long)(r.Kwh!.Value * (0.2 + 5 * random.NextDouble())) }
            : r).ToList();
        Assert.Contains(tampered, r => new YearMonth(r.Year, r.Month) > Cutoff);

        foreach (var model in ForecastModels.All)
        {
            var request = new ForecastRequest(Cutoff, 3, ContractTypes.Residential, model);
            var a = new Forecaster(PowerHistory.FromRows(original)).Run(request);
            var b = new Forecaster(PowerHistory.FromRows(tampered)).Run(request);

            Assert.Equal(
                a.Rows.Select(r => (r.District, r.Target, r.Forecast, r.Lower, r.Upper, r.Model, r.Reason)),
                b.Rows.Select(r => (r.District, r.Target, r.Forecast, r.Lower, r.Upper, r.Model, r.Reason)));
            Assert.NotEqual(a.Rows.Select(r => r.Actual), b.Rows.Select(r => r.Actual));
        }
    }

    [Theory]
    [InlineData(ForecastModels.Naive, false)]
    [InlineData(ForecastModels.ProvinceShape, true)]
    public void Run_StationaryNoise_IntervalsCoverAboutNinetyPercent(string model, bool seasonal)
    {
        // 400 districts: a size (× the shape) × 5 % Gaussian noise, so the model's errors are stationary;
        // 2024-04 is the unseen truth.
        var history = PowerHistory.FromRows(Hierarchy(districts: 400, noise: 0.05, seed: 3, seasonal: seasonal));

        var run = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential, model));

        var scored = run.Rows.Where(r => r.Actual is not null && r.Forecast is not null).ToList();
        var covered = scored.Count(r => r.Lower <= r.Actual && r.Actual <= r.Upper) / (double)scored.Count;
        Assert.Equal(400, scored.Count);
        Assert.InRange(covered, 0.8, 0.97);
    }

    [Fact]
    public void Ml_ManyDistrictsSharingAShape_LearnsTheSeasonalRatio()
    {
        var history = PowerHistory.FromRows(Hierarchy(districts: 150, noise: 0.01));

        var run = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential, ForecastModels.Ml));

        Assert.All(run.Rows, r => Assert.NotNull(r.Forecast));
        Assert.InRange(run.Overall.Mape, 0, 5);
    }

    [Fact]
    public void Ml_TooLittleData_NotApplicable()
    {
        var rows = Rows(Suwon, ContractTypes.Residential, ShippedDistrictMonths().Select(m => (m, 100.0)));

        var run = new Forecaster(PowerHistory.FromRows(rows)).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential, ForecastModels.Ml));

        Assert.StartsWith("requested ml; not applicable: only", Assert.Single(run.Rows).Reason.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Validate_HorizonOutOfRange_Throws(int horizon) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastRequest(Cutoff, horizon, ContractTypes.Total).Validate());
}
