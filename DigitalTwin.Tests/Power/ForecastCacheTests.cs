using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power;

public sealed class ForecastCacheTests
{
    private static readonly ForecastRequest Request = new(new YearMonth(2024, 3), 1, ContractTypes.Residential, ForecastModels.Naive);

    [Fact]
    public async Task GetAsync_SameRequestTwice_SameRunComputedOnce()
    {
        await using var host = await StartAsync();

        var first = await host.Forecasts.GetAsync(Request);
        var second = await host.Forecasts.GetAsync(Request with { });
        var other = await host.Forecasts.GetAsync(Request with { Horizon = 2 });

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, host.Forecasts.Computed);
    }

    [Fact]
    public async Task GetAsync_AfterAnImportThatChangesData_ComputesAgainWithTheNewData()
    {
        await using var host = await StartAsync();
        var before = await host.Forecasts.GetAsync(Request);
        // Unchanged data (the same file again) keeps the cached run.
        await host.ImportSampleAsync("wide_2024_utf8.csv");
        Assert.Same(before, await host.Forecasts.GetAsync(Request));

        var changed = PowerSamples.Text("wide_2024_utf8.csv").Replace("\" 19,900,744 \"", "\" 29,900,744 \"", StringComparison.Ordinal);
        Assert.NotEqual(PowerSamples.Text("wide_2024_utf8.csv"), changed);
        await host.ImportAsync("wide_2024_fixed.csv", PowerSamples.Utf8(changed));
        var after = await host.Forecasts.GetAsync(Request);

        Assert.NotSame(before, after);
        Assert.Equal(2, host.Forecasts.Computed);
        Assert.Equal(2, host.Forecasts.ForecastersBuilt);
        Assert.NotEqual(before.Rows.Select(r => (r.Forecast, r.Actual)), after.Rows.Select(r => (r.Forecast, r.Actual)));
    }

    [Fact]
    public async Task GetAsync_OtherTypesHorizonsAndModelsAtOneCutoff_ShareItsEngineAndMatchAFreshRun()
    {
        await using var host = await StartAsync();

        await host.Forecasts.GetAsync(Request);
        var total = Request with { ContractType = ContractTypes.Total, Model = ForecastModels.Auto };
        var shared = await host.Forecasts.GetAsync(total);
        var longer = await host.Forecasts.GetAsync(Request with { ContractType = ContractTypes.Industrial, Horizon = 3, Model = ForecastModels.Auto });
        Assert.Equal(1, host.Forecasts.ForecastersBuilt);
        Assert.Equal(3, host.Forecasts.Computed);

        var fresh = await host.Engine.RunAsync(total);
        Assert.Equal(Numbers(fresh), Numbers(shared));
        Assert.Contains(longer.Rows, r => r.Actual is not null);

        await host.Forecasts.GetAsync(Request with { Cutoff = new YearMonth(2024, 2) });
        Assert.Equal(2, host.Forecasts.ForecastersBuilt);
    }

    private static List<(District, YearMonth, double?, double?, double?, double?)> Numbers(ForecastRun run) =>
        [.. run.Rows.Select(r => (r.District, r.Target, r.Forecast, r.Lower, r.Upper, r.Actual))];

    [Fact]
    public async Task GetAsync_CancelledCaller_ThrowsAndLeavesNoBrokenEntry()
    {
        await using var host = await StartAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Forecasts.GetAsync(Request, cancel.Token));
        var run = await host.Forecasts.GetAsync(Request);

        Assert.NotEmpty(run.Rows);
        Assert.Equal(1, host.Forecasts.Computed);
    }

    private static async Task<PowerTestHost> StartAsync()
    {
        var host = await PowerTestHost.StartAsync();
        await host.ImportSampleAsync("wide_2023_cp949.csv");
        await host.ImportSampleAsync("wide_2024_utf8.csv");
        return host;
    }
}
