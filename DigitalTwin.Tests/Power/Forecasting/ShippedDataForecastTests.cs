using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>The engine end to end on the shipped KEPCO files, imported the way the app seeds them.</summary>
public sealed class ShippedDataForecastTests
{
    [Fact]
    public async Task RunAsync_Cutoff2024March_EveryDistrictForecastWithFiniteMetrics()
    {
        await using var host = await ShippedAsync();
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

    [Fact]
    public async Task RunAsync_MonthsNoDistrictHasSeen_EveryDistrictSummedFromItsTypesWithTheDistrictIntervals()
    {
        await using var host = await ShippedAsync();
        var engine = new ForecastEngine(host.Queries);

        // May–July: the shipped district data has no such month in any year, the case of the held-out months.
        var run = await engine.RunAsync(new ForecastRequest(new YearMonth(2024, 4), 3, ContractTypes.Total));

        Assert.NotEmpty(run.Rows);
        Assert.Equal([new YearMonth(2024, 5), new YearMonth(2024, 6), new YearMonth(2024, 7)], run.Rows.Select(r => r.Target).Distinct().Order());
        Assert.All(run.Rows, r =>
        {
            Assert.NotNull(r.Forecast);
            Assert.True(r.Lower < r.Forecast && r.Forecast < r.Upper, r.Reason.ToString());
            Assert.Equal("auto.bottom-up/path/interval.as-district", r.Reason.Path);
        });
    }

    private static async Task<PowerTestHost> ShippedAsync()
    {
        var data = SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found");
        var host = await PowerTestHost.StartAsync();
        try
        {
            foreach (var file in PowerSampleSeeder.SampleFiles)
            {
                await host.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(Path.Combine(data, file)));
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
