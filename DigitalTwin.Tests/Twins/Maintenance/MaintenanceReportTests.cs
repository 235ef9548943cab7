using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Core.Twins.Maintenance;
using DigitalTwin.Tests.Twins.Faults;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>The maintenance ranking over a real SQLite history holding real Intel lab motes, some worn on purpose.</summary>
public sealed class MaintenanceReportTests : IAsyncLifetime
{
    private SeriesHistory _history = null!;

    public async Task InitializeAsync() => _history = await SeriesHistory.StartAsync();

    public async Task DisposeAsync() => await _history.DisposeAsync();

    [Fact]
    public async Task RankAsync_WornMotesAmongCleanOnes_WornRankFirstWithTheirCause()
    {
        var now = DateTimeOffset.UtcNow;
        var (clean, noisy, drifting) = (RealSensors.IntelLab[6], RealSensors.IntelLab[1], RealSensors.IntelLab[2]);
        var recent = Array.FindIndex(noisy.Times, t => t >= noisy.Times[^1] - (noisy.Span / 3));
        await _history.WriteAsync("clean", clean, SeriesHistory.ShiftToEndBefore(clean, now));
        await _history.WriteAsync("noisy", FaultInjector.GrowNoise(noisy, recent, size: 5, new Random(3)), SeriesHistory.ShiftToEndBefore(noisy, now));
        var (drifted, _) = FaultInjector.Inject(drifting, [new FaultPlan(FaultKind.Drift, recent, drifting.Length - recent, Size: 30)]);
        await _history.WriteAsync("drifting", drifted, SeriesHistory.ShiftToEndBefore(drifting, now));

        var page = await new MaintenanceReport(_history.Store, TimeProvider.System).RankAsync("temperature", days: 7, skip: 0, take: 10);

        Assert.Equal(3, page.Total);
        Assert.Equal("clean", page.Devices[^1].DeviceId);
        Assert.Equal(DriftCause.None, page.Devices[^1].Cause);
        Assert.Equal(DriftCause.Noise, page.Devices.Single(d => d.DeviceId == "noisy").Cause);
        Assert.Equal(DriftCause.Bias, page.Devices.Single(d => d.DeviceId == "drifting").Cause);
        Assert.All(page.Devices, d => Assert.Equal(clean.Length, d.Samples));
        Assert.All(page.Devices, d => Assert.InRange(d.Days.Count, 5, 6));
    }

    [Fact]
    public async Task RankAsync_HeaterOnTwiceAsLongLately_RankedByHeaterDutyFromTheStoredHeaterSeries()
    {
        var now = DateTimeOffset.UtcNow;
        var mote = RealSensors.IntelLab[10];
        var start = Array.FindIndex(mote.Times, t => t >= mote.Times[^1] - (mote.Span / 3));
        var heater = mote with { Metric = "heater", Values = [.. Enumerable.Range(0, mote.Length).Select(i => (i >= start ? i % 3 != 0 : i % 3 == 0) ? 1.0 : 0.0)] };
        var shift = SeriesHistory.ShiftToEndBefore(mote, now);
        await _history.WriteAsync("heated", mote, shift);
        await _history.WriteAsync("heated", heater, shift);

        var page = await new MaintenanceReport(_history.Store, TimeProvider.System).RankAsync("temperature", days: 7, skip: 0, take: 10);

        var drift = Assert.Single(page.Devices);
        Assert.Equal(DriftCause.HeaterDuty, drift.Cause);
        Assert.Equal(1 / 3.0, drift.BaselineDuty!.Value, 0.02);
        Assert.Equal(2 / 3.0, drift.RecentDuty!.Value, 0.02);
    }

    [Fact]
    public async Task RankAsync_PagedAndYoungDevice_YoungRankedLastAndPagesSplitTheRanking()
    {
        var now = DateTimeOffset.UtcNow;
        var mote = RealSensors.IntelLab[0];
        var young = mote with { Times = mote.Times[^20..], Values = mote.Values[^20..] };
        await _history.WriteAsync("young", young, SeriesHistory.ShiftToEndBefore(young, now));
        await _history.WriteAsync("old", mote, SeriesHistory.ShiftToEndBefore(mote, now));
        var report = new MaintenanceReport(_history.Store, TimeProvider.System);

        var first = await report.RankAsync("temperature", days: 7, skip: 0, take: 1);
        var second = await report.RankAsync("temperature", days: 7, skip: 1, take: 1);
        var humidity = await report.RankAsync("humidity", days: 7, skip: 0, take: 10);

        Assert.Equal(["old"], first.Devices.Select(d => d.DeviceId));
        Assert.Equal(["young"], second.Devices.Select(d => d.DeviceId));
        Assert.Equal(DriftCause.TooLittleHistory, second.Devices[0].Cause);
        Assert.Equal(2, second.Total);
        Assert.Empty(humidity.Devices);
    }
}
