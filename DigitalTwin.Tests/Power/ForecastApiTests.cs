using System.Net;
using System.Text.Json;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Power;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Power;

/// <summary>GET /api/power/forecasts on the shipped data.</summary>
[Collection(AppCollection.Name)]
public sealed class ForecastApiTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private HttpClient Http => fixture.App.Http;

    [Theory]
    [InlineData("cutoff=2024-3x", "cutoff '2024-3x' is not a month (YYYY-MM).")]
    [InlineData("cutoff=2019-12", "cutoff 2019-12 has no history: the district data starts at 2023-01.")]
    [InlineData("horizon=0", "horizon '0' must be a whole number of months from 1 to 12.")]
    [InlineData("horizon=13", "horizon '13' must be a whole number of months from 1 to 12.")]
    [InlineData("contractType=공장용", "Unknown contractType '공장용'; use one of 주택용, 일반용, 교육용, 산업용, 농사용, 가로등, 심야, 합계.")]
    [InlineData("model=drift", "Unknown model 'drift'; use one of auto, naive, seasonal-naive, year-on-year, province-shape, province-ratio, ets, ml, ensemble.")]
    [InlineData("top=0", "top '0' must be a whole number from 1 to 100.")]
    public async Task Get_BadParameter_400ProblemDetailsSayingWhatIsWrong(string query, string detail)
    {
        using var response = await Http.GetAsync($"/api/power/forecasts?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Invalid forecast query", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_TwoBadParameters_BothNamed()
    {
        using var response = await Http.GetAsync("/api/power/forecasts?horizon=x&model=best");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = json.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("horizon 'x'", detail, StringComparison.Ordinal);
        Assert.Contains("Unknown model 'best'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoParameters_LatestCheckableCutoffWithTheEnginesNumbers()
    {
        var body = await Http.GetStringAsync("/api/power/forecasts");
        var response = JsonSerializer.Deserialize<ForecastResponse>(body, ApiJson.Options)!;

        Assert.Equal(("2024-03", 1, ContractTypes.Total, ForecastModels.Auto), (response.Cutoff, response.Horizon, response.ContractType, response.Model));
        var engine = fixture.App.Services.GetRequiredService<ForecastEngine>();
        var run = await engine.RunAsync(new ForecastRequest(new YearMonth(2024, 3), 1, ContractTypes.Total));
        Assert.Equal(run.Rows.Count, response.Rows.Count);
        Assert.Equal(
            run.Rows.Select(r => (r.District.Sido, r.District.Sigungu, r.Target.ToString(), r.Forecast, r.Lower, r.Upper, r.Actual, r.Model, r.Reason.ToString(), r.Reason.Path)),
            response.Rows.Select(r => (r.Sido, r.Sigungu, r.Target, r.Forecast, r.Lower, r.Upper, r.Actual, r.Model, r.Reason, r.ReasonCode)));
        Assert.All(response.Rows, r => Assert.Equal(r.Forecast - r.Actual, r.Error));
        Assert.Equal(run.Overall.Mae, response.Summary.Overall.Mae);
        Assert.Equal(run.Overall.Mape, response.Summary.Overall.Mape);
        Assert.Equal(ForecastModels.Compared, response.Summary.Models.Select(m => m.Model));
        Assert.Equal(run.Models.Select(m => m.Metrics.Rmse), response.Summary.Models.Select(m => m.Metrics.Rmse ?? double.NaN));
        Assert.Equal(4, response.Summary.Models.Sum(m => m.BestAt.Count));
        var explanation = run.Explain(ForecastApi.DefaultTop);
        Assert.Equal(explanation.Summary, response.Explanation.Summary);
        Assert.Equal(10, response.Explanation.Points.Count(p => p.Top));
        Assert.StartsWith("The 10 largest errors are in districts where industry uses", response.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TargetsAfterTheData_RowsWithoutActualsAndSaysSo()
    {
        var response = JsonSerializer.Deserialize<ForecastResponse>(
            await Http.GetStringAsync("/api/power/forecasts?cutoff=2024-04&horizon=2&contractType=산업용&model=province-shape&top=5"), ApiJson.Options)!;

        Assert.NotEmpty(response.Rows);
        Assert.All(response.Rows, r => Assert.Null(r.Actual));
        Assert.All(response.Rows, r => Assert.Null(r.Error));
        Assert.Contains(response.Rows, r => r.Forecast is not null);
        Assert.Equal(["2024-05", "2024-06"], response.Rows.Select(r => r.Target).Distinct().Order());
        Assert.Equal(0, response.Summary.Overall.Count);
        Assert.Null(response.Summary.Overall.Mae);
        Assert.Equal("no actuals yet to score against", response.Summary.Models.Single(m => m.Model == ForecastModels.ProvinceShape).Note);
        Assert.Equal("No actuals yet for 2024-05, 2024-06: the errors, and what explains them, need the real values.", response.Explanation.Summary);
    }

    [Fact]
    public async Task Get_RequestedModel_EnglishReasonBesideItsStableCode()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/api/power/forecasts?cutoff=2024-04&horizon=1&contractType=산업용&model=province-shape"));

        var row = json.RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("forecast").ValueKind == JsonValueKind.Number);
        Assert.Matches(@"^requested province-shape; level of 2024-0\d\.\.2024-04 × seasonal shape of .+ 산업용 \(\d years\)$", row.GetProperty("reason").GetString());
        Assert.Equal("requested/model/province-shape/profile-source", row.GetProperty("reasonCode").GetString());
        var shape = json.RootElement.GetProperty("summary").GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == ForecastModels.ProvinceShape);
        Assert.Equal("no actuals yet to score against", shape.GetProperty("note").GetString());
        Assert.Equal("score.no-actuals", shape.GetProperty("noteCode").GetString());
    }
}
