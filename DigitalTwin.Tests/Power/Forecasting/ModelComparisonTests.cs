using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class ModelComparisonTests
{
    private static readonly YearMonth Cutoff = new(2024, 3);

    [Fact]
    public void Run_AnyRequestedModel_ScoresEveryModelOnTheSameRows()
    {
        var history = PowerHistory.FromRows(Hierarchy(districts: 30, noise: 0.02, growth2024: 0.1));

        var auto = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential));
        var naive = new Forecaster(history).Run(new ForecastRequest(Cutoff, 1, ContractTypes.Residential, ForecastModels.Naive));

        Assert.Equal(ForecastModels.Compared, auto.Models.Select(m => m.Model));
        Assert.Equal(auto.Models, naive.Models);
        var comparable = auto.Models.Where(m => m.Comparable).ToList();
        Assert.Contains(comparable, m => m.Model == ForecastModels.Ml);
        Assert.All(comparable, m => Assert.Equal(30, m.Metrics.Count));
        // The requested naive model's own summary is the naive score: same rows, same numbers.
        Assert.Equal(naive.Overall, auto.Models.Single(m => m.Model == ForecastModels.Naive).Metrics);
        var ets = auto.Models.Single(m => m.Model == ForecastModels.Ets);
        Assert.False(ets.Comparable);
        Assert.Contains("needs ≥ 2 seasons", ets.Note!.ToString(), StringComparison.Ordinal);
        // Growth of 10 % in 2024 that the province-based models (and ML) see and seasonal naive does not.
        Assert.Contains(ModelComparison.Best(auto.Models)["MAPE"], new[] { ForecastModels.Auto, ForecastModels.ProvinceRatio, ForecastModels.ProvinceShape, ForecastModels.Ml });
        Assert.True(ModelComparison.Metric(auto.Models.Single(m => m.Model == ForecastModels.SeasonalNaive).Metrics, "MAPE") > 5);
    }

    [Fact]
    public void Compare_ModelWithFewRows_ScoredOnItsOwnRowsAndNotRanked()
    {
        ForecastRow Row(int i, double? forecast, string model) =>
            new(new District("경기도", $"구{i}"), Cutoff.AddMonths(1), forecast, null, null, model, ForecastReason.Of("no-observation"), 100);
        var rows = new Dictionary<string, List<ForecastRow>>
        {
            ["a"] = [.. Enumerable.Range(0, 10).Select(i => Row(i, 110, "a"))],
            ["b"] = [.. Enumerable.Range(0, 10).Select(i => Row(i, i < 8 ? 105 : null, "b"))],
            ["c"] = [.. Enumerable.Range(0, 10).Select(i => Row(i, i < 2 ? 100 : null, "c"))],
        };

        var scores = ModelComparison.Compare(rows);

        Assert.Equal(8, scores.Single(s => s.Model == "a").Metrics.Count);
        Assert.Equal(10, scores.Single(s => s.Model == "a").Metrics.Mae);
        Assert.Equal(5, scores.Single(s => s.Model == "b").Metrics.Mae);
        var c = scores.Single(s => s.Model == "c");
        Assert.False(c.Comparable);
        Assert.Equal("forecasts 2 of 10 rows with an actual; scored on those", c.Note!.ToString());
        Assert.Equal("b", ModelComparison.Best(scores)["MAE"]);
    }
}
