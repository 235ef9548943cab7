using DigitalTwin.Core.Power;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Twins.Maintenance;

namespace DigitalTwin.Tests.Twins.Faults;

/// <summary>The chart's fault marks on a real Intel lab mote with a spike and a stuck value put in (FaultInjector).</summary>
public sealed class FaultMarksTests
{
    [Fact]
    public void Find_SpikeAndStuckInRealSeries_APointAtTheSpikeAndOnePeriodOverTheStuckRun()
    {
        var (faulty, truth) = Faulty(RealSensors.IntelLab[4]);

        var marks = FaultMarks.Find(Points(faulty), faulty.Times[0], FaultDetectorSettings.Default, max: 40);

        var spike = Assert.Single(marks, m => m.Kind == FaultKind.Spike && m.Since == truth[0].Start);
        Assert.True(spike.IsPoint);
        Assert.Equal(faulty.Values[Array.IndexOf(faulty.Times, truth[0].Start)], spike.Value);
        var stuck = Assert.Single(marks, m => m.Kind == FaultKind.Stuck);
        Assert.False(stuck.IsPoint);
        Assert.InRange(stuck.Since, truth[1].Start.AddHours(-1), truth[1].Start);
        Assert.InRange(stuck.Until, truth[1].Start.AddHours(1), truth[1].End);
        Assert.StartsWith("Stuck value:", stuck.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ShownFromAfterTheFaults_OnlyLaterMarksAndNoneFromTheLeadIn()
    {
        var (faulty, truth) = Faulty(RealSensors.IntelLab[4]);

        var marks = FaultMarks.Find(Points(faulty), truth[1].End.AddHours(1), FaultDetectorSettings.Default, max: 40);

        Assert.DoesNotContain(marks, m => m.Kind is FaultKind.Spike or FaultKind.Stuck && m.Until <= truth[1].End);
    }

    [Fact]
    public async Task ScanAsync_RealSqliteHistory_MarksTheInjectedFaultsInTheChartsRange()
    {
        var (faulty, truth) = Faulty(RealSensors.IntelLab[4]);
        await using var history = await SeriesHistory.StartAsync();
        await history.WriteAsync("mote05", faulty, TimeSpan.Zero);
        var from = truth[0].Start.AddHours(-12);

        var marks = await new FaultHistory(history.Store).ScanAsync(
            new HistoryQuery("mote05", "temperature", from, faulty.Times[^1].AddMinutes(1), null, Aggregation.Avg), FaultDetectorSettings.Default);

        Assert.Contains(marks, m => m.Kind == FaultKind.Spike && m.Since == truth[0].Start);
        Assert.Contains(marks, m => m.Kind == FaultKind.Stuck && m.Until > truth[1].Start && m.Since <= truth[1].End);
        Assert.All(marks, m => Assert.True(m.Until >= from));
    }

    /// <summary>A spike on the third day and, six hours later, a stuck value for the kind's usual length.</summary>
    internal static (SensorSeries Series, IReadOnlyList<InjectedFault> Truth) Faulty(SensorSeries mote) =>
        FaultInjector.Inject(mote,
        [
            new FaultPlan(FaultKind.Spike, 110, 1, Size: 20),
            new FaultPlan(FaultKind.Stuck, 122, FaultInjector.LengthOf(FaultKind.Stuck, TimeSpan.FromMinutes(30)), Size: 0),
        ]);

    private static IEnumerable<HistoryPoint> Points(SensorSeries series) =>
        series.Times.Zip(series.Values, (t, v) => new HistoryPoint(t, v));
}
