using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class ForecastQueryTests
{
    private static readonly IReadOnlyList<YearMonth> Months = [.. ShippedDistrictMonths()];

    [Fact]
    public void Parse_Nothing_DefaultsToTheLatestCheckableCutoff()
    {
        var (request, problems) = ForecastQuery.Parse(null, null, null, null, Months);

        Assert.Empty(problems);
        Assert.Equal(new ForecastRequest(new YearMonth(2024, 3), 1, ContractTypes.Total, ForecastModels.Auto), request);
    }

    [Theory]
    [InlineData("2024-13", null, null, null, "cutoff '2024-13' is not a month (YYYY-MM).")]
    [InlineData("2022-12", null, null, null, "cutoff 2022-12 has no history: the district data starts at 2023-01.")]
    [InlineData(null, "0", null, null, "horizon '0' must be a whole number of months from 1 to 12.")]
    [InlineData(null, "13", null, null, "horizon '13' must be a whole number of months from 1 to 12.")]
    [InlineData(null, "two", null, null, "horizon 'two' must be a whole number of months from 1 to 12.")]
    [InlineData(null, null, "공장용", null, "Unknown contractType '공장용'; use one of 주택용, 일반용, 교육용, 산업용, 농사용, 가로등, 심야, 합계.")]
    [InlineData(null, null, null, "drift", "Unknown model 'drift'; use one of auto, naive, seasonal-naive, year-on-year, province-shape, province-ratio, ets, ml, ensemble.")]
    public void Parse_BadParameter_PreciseProblem(string? cutoff, string? horizon, string? type, string? model, string expected)
    {
        var (request, problems) = ForecastQuery.Parse(cutoff, horizon, type, model, Months);

        Assert.Null(request);
        Assert.Equal(expected, Assert.Single(problems));
    }

    [Fact]
    public void Parse_SpacedContractTypeAndCapitalModel_Normalized()
    {
        var (request, _) = ForecastQuery.Parse("2024-01", "12", "합 계", "ML", Months);

        Assert.Equal(new ForecastRequest(new YearMonth(2024, 1), 12, ContractTypes.Total, ForecastModels.Ml), request);
    }

    [Fact]
    public void Parse_NoDataImported_SaysSo() =>
        Assert.Equal("No district data has been imported yet; import a KEPCO file first.", Assert.Single(ForecastQuery.Parse(null, null, null, null, []).Problems));
}
