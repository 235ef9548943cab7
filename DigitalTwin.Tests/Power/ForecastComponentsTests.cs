using Bunit;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Tests.Components;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Power;
using DigitalTwin.Web.Components.Power.Forecasts;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power;

/// <summary>The forecast page's pieces on a real run of the engine over synthetic districts.</summary>
public sealed class ForecastComponentsTests : MudComponentTest
{
    private static readonly Lazy<Forecaster> Engine = new(() =>
    {
        // Industrial share so the explanation has something to explain: 산업용 half of 합계 in odd districts.
        var rows = Hierarchy(districts: 24, noise: 0.04, seed: 9, growth2024: 0.05);
        rows.AddRange(rows.Where(r => r.ContractType == ContractTypes.Residential && r.Sigungu != PowerUsage.ProvinceTotal).ToList()
            .Select(r => r with { ContractType = ContractTypes.Industrial, Kwh = int.Parse(r.Sigungu[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 1 ? r.Kwh : r.Kwh / 10 }));
        rows.AddRange(rows.Where(r => r.ContractType == ContractTypes.Residential).ToList()
            .Select(r => r with { ContractType = ContractTypes.Total, Kwh = r.Kwh * 2 }));
        return new Forecaster(PowerHistory.FromRows(rows));
    });

    private static readonly Lazy<ForecastRun> Run = new(() => Engine.Value.Run(new ForecastRequest(new YearMonth(2024, 3), 1, ContractTypes.Total)));

    [Fact]
    public void Summary_EveryModel_BestPerMetricMarked()
    {
        var view = new ForecastView(Run.Value, 5);

        var cut = Context.Render<ForecastSummary>(p => p.Add(c => c.View, view));

        foreach (var (metric, model) in view.Best)
        {
            var column = ModelComparison.MetricNames.ToList().IndexOf(metric);
            var cell = cut.Find($"[data-testid=forecast-model-{model}]").QuerySelectorAll("td")[3 + column];
            Assert.Contains("★", cell.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(view.Best.Count, cut.FindAll("td").Count(td => td.TextContent.Contains('★', StringComparison.Ordinal)));
        Assert.Contains("needs ≥ 2 seasons", cut.Find("[data-testid=forecast-model-ets]").TextContent, StringComparison.Ordinal);
        Assert.Equal(EnergyFormat.Energy(Run.Value.Overall.Mae), cut.Find("[data-testid=forecast-metric-mae]").TextContent);
    }

    [Fact]
    public void Summary_Korean_NotesInKorean()
    {
        using var _ = TestText.Speak("ko");
        var view = new ForecastView(Run.Value, 5);

        var cut = Context.Render<ForecastSummary>(p => p.Add(c => c.View, view));

        var ets = cut.Find("[data-testid=forecast-model-ets]").TextContent;
        Assert.Contains("적용 불가: 2개 계절(연속 24개월) 이상 필요", ets, StringComparison.Ordinal);
        Assert.DoesNotContain("needs ≥ 2 seasons", ets, StringComparison.Ordinal);
        Assert.DoesNotContain(Run.Value.Models.Single(m => m.Model == ForecastModels.Ets).Note!.ToString(), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_PerModelTable_ListsThePeerRightBesideAuto()
    {
        var view = new ForecastView(Run.Value, 5);

        var cut = Context.Render<ForecastSummary>(p => p.Add(c => c.View, view));

        var rows = cut.FindAll("[data-testid=forecast-models] tbody tr");
        Assert.Equal(
            [ForecastModels.Auto, ForecastModels.ProvinceRatio],
            rows.Take(2).Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()));
        var peer = Run.Value.Models.Single(m => m.Model == ForecastModels.ProvinceRatio);
        Assert.True(peer.Comparable);
        Assert.Equal(peer.Metrics.Count.ToString(System.Globalization.CultureInfo.CurrentCulture), rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("province-ratio", cut.Find("[data-testid=forecast-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryAndRanking_Korean_HeadingsInKorean()
    {
        using var _ = TestText.Speak("ko");
        var view = new ForecastView(Run.Value, 3);

        var summary = Context.Render<ForecastSummary>(p => p.Add(c => c.View, view));
        var ranking = Context.Render<ForecastRanking>(p => p.Add(c => c.View, view));

        Assert.Contains("같은 시군구에 대한 모든 모델 비교", summary.Markup);
        Assert.Contains("절대 오차순 시군구 순위", ranking.Markup);
        Assert.Contains("실적", ranking.Markup);
        foreach (var english in new[] { "Every model on the same districts", "Districts ranked by absolute error", "90 % interval", ">Actual<", ">Forecast<" })
        {
            Assert.DoesNotContain(english, summary.Markup + ranking.Markup);
        }
    }

    [Fact]
    public void Ranking_TopN_HighlightedAndLargestFirst()
    {
        var view = new ForecastView(Run.Value, 3);

        var cut = Context.Render<ForecastRanking>(p => p.Add(c => c.View, view));

        var rows = DataRows(cut);
        Assert.True(rows.Count >= 3);
        Assert.All(rows.Take(3), r => Assert.Contains("rgba(229, 57, 53", r.GetAttribute("style"), StringComparison.Ordinal));
        Assert.DoesNotContain("rgba(229, 57, 53", rows[3].GetAttribute("style") ?? "", StringComparison.Ordinal);
        var errors = cut.FindAll("[data-testid=ranking-abs-error]").Select(e => double.Parse(e.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(errors.OrderDescending(), errors);
    }

    [Fact]
    public void Ranking_RowClicked_SelectsItsDistrict()
    {
        var view = new ForecastView(Run.Value, 3);
        District? selected = null;
        var cut = Context.Render<ForecastRanking>(p => p.Add(c => c.View, view).Add(c => c.OnSelect, (District d) => selected = d));

        DataRows(cut)[1].Click();

        Assert.Equal(view.Ranked[1].District, selected);
    }

    /// <summary>The grid's rows with data (virtualization adds spacer rows).</summary>
    private static List<AngleSharp.Dom.IElement> DataRows(IRenderedComponent<ForecastRanking> cut) =>
        [.. cut.FindAll("[data-testid=forecast-ranking] tbody tr").Where(r => r.QuerySelector("[data-testid=ranking-district]") is not null)];

    [Fact]
    public void SurprisePanel_Run_ShowsTheGeneratedSummaryAndCorrelations()
    {
        var view = new ForecastView(Run.Value, 5);

        var cut = Context.Render<SurprisePanel>(p => p.Add(c => c.View, view));

        Assert.Equal(view.Explanation.Summary, cut.Find("[data-testid=forecast-explanation-summary]").TextContent);
        Assert.StartsWith("The 5 largest errors are in districts where industry uses", view.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains(ForecastText.Correlation(view.Explanation.ShareR), cut.Find("[data-testid=forecast-explanation-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SurprisePanel_Korean_SummaryInHangulWithTheSameNumbers()
    {
        using var _ = TestText.Speak("ko");
        var view = new ForecastView(Run.Value, 5);

        var cut = Context.Render<SurprisePanel>(p => p.Add(c => c.View, view));

        var summary = cut.Find("[data-testid=forecast-explanation-summary]").TextContent;
        Assert.Contains("오차가 가장 큰 5곳", summary, StringComparison.Ordinal);
        Assert.Contains($"r = {view.Explanation.ShareR:0.00}".Replace(',', '.'), summary, StringComparison.Ordinal);
        Assert.Contains($"채점된 예측 {view.Explanation.Scored}건", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SurpriseText_NoActualsYet_NamesTheMonthsAsTheCultureWritesThem()
    {
        var future = Engine.Value.Run(new ForecastRequest(new YearMonth(2024, 4), 2, ContractTypes.Total));
        var explanation = SurpriseExplanation.Explain(future.Rows, new Dictionary<District, DistrictTraits>(), 5);

        using var _ = TestText.Speak("ko");
        Assert.Equal(SurpriseGap.NoActuals, explanation.Gap);
        Assert.StartsWith("2024년 5월, 2024년 6월의 실적이 아직 없습니다.", SurpriseText.Summary(explanation, future.Rows, TestText.Localizer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "imported. Pick an earlier cutoff (the latest one with actuals is March 2024) to compare.")]
    [InlineData("ko", "표시됩니다. 비교하려면 더 이른 기준 월을 고르세요(실적이 있는 마지막 기준 월은 2024년 3월).")]
    public void NoActualsNote_NoTargetHasActuals_BothSentencesWithASpaceBetween(string language, string ending)
    {
        using var _ = TestText.Speak(language);
        var future = new ForecastView(Engine.Value.Run(new ForecastRequest(new YearMonth(2024, 4), 2, ContractTypes.Total)), 5);

        var cut = Context.Render<ForecastNoActualsNote>(p => p.Add(c => c.View, future).Add(c => c.LatestWithActuals, new YearMonth(2024, 3)));

        Assert.EndsWith(ending, cut.Find("[data-testid=forecast-no-actuals]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoActualsNote_EveryTargetHasActuals_NothingShown()
    {
        var cut = Context.Render<ForecastNoActualsNote>(p => p.Add(c => c.View, new ForecastView(Run.Value, 5)).Add(c => c.LatestWithActuals, new YearMonth(2024, 3)));

        Assert.Empty(cut.FindAll("[data-testid=forecast-no-actuals]"));
    }
}
