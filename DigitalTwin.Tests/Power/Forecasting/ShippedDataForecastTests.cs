using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>The engine end to end on the shipped KEPCO files, imported the way the app seeds them.</summary>
public sealed class ShippedDataForecastTests
{
    [Fact]
    public async Task RunAsync_Cutoff2024March_EveryDistrictForecastWithFiniteMetrics()
    {
        await using var host = await PowerTestHost.StartAsync();
        var data = SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found");
        foreach (var file in PowerSampleSeeder.SampleFiles)
        {
            await host.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(Path.Combine(data, file)));
        }
        var engine = new ForecastEngine(host.Queries);
        var districts = (await host.Queries.UsageAsync(new UsageFilter(ContractType: ContractTypes.Total, From: new YearMonth(2024, 1))))
            .Where(r => r.Sigungu != PowerUsage.ProvinceTotal).Select(r => new District(r.Sido, r.Sigungu)).ToHashSet();

        var run = await engine.RunAsync(new ForecastRequest(new YearMonth(2024, 3), 1, ContractTypes.Total));

        Assert.Equal(districts.Count, run.Rows.Count);
        Assert.Equal(districts, run.Rows.Select(r => r.District).ToHashSet());
        Assert.All(run.Rows, r =>
        {
            Assert.Equal(new YearMonth(2024, 4), r.Target);
            Assert.NotNull(r.Forecast);
            Assert.True(r.Lower <= r.Forecast && r.Forecast <= r.Upper, r.Reason.ToString());
            Assert.NotNull(r.Actual);
        });
        foreach (var metric in new[] { run.Overall }.Concat(run.PerModel.Values))
        {
            Assert.All(new[] { metric.Mae, metric.Mse, metric.Rmse, metric.Mape }, v => Assert.True(double.IsFinite(v)));
        }
        Assert.InRange(run.Overall.Mape, 0, 15);
    }
}
