using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Core.Twins.Maintenance;
using DigitalTwin.Tests.Twins.Faults;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>
/// The drift score on the real rooms of data/sensors (50 Intel lab motes, 5 days at 30 minutes): a mote whose last
/// days were given growing noise or a growing bias (FaultInjector) must rank above the same mote left clean.
/// </summary>
public sealed class DriftScorerTests(ITestOutputHelper output)
{
    [Fact]
    public void Score_GrowingNoiseInLastDays_RanksAboveTheCleanMote()
    {
        var random = new Random(12);
        var above = 0;
        foreach (var mote in RealSensors.IntelLab)
        {
            var noisy = FaultInjector.GrowNoise(mote, RecentStart(mote), size: 4, random);

            var (clean, worn) = (DriftScorer.Score(mote.Name, mote), DriftScorer.Score(mote.Name, noisy));

            above += worn.Score > clean.Score && worn.NoiseRatio > clean.NoiseRatio ? 1 : 0;
            output.WriteLine($"{mote.Name}: clean {clean.Score:0.00} ({clean.Cause}, noise ×{clean.NoiseRatio:0.00}), noisy {worn.Score:0.00} ({worn.Cause}, ×{worn.NoiseRatio:0.00})");
        }

        Assert.True(above >= 0.9 * RealSensors.IntelLab.Count, $"growing noise ranked above the clean mote in only {above} of {RealSensors.IntelLab.Count}");
    }

    [Fact]
    public void Score_GrowingBiasInLastDays_RanksAboveTheCleanMoteAndIsNamedBias()
    {
        var above = 0;
        var named = 0;
        foreach (var mote in RealSensors.IntelLab)
        {
            var start = RecentStart(mote);
            var (drifting, _) = FaultInjector.Inject(mote, [new FaultPlan(FaultKind.Drift, start, mote.Length - start, Size: 25)]);

            var (clean, drifted) = (DriftScorer.Score(mote.Name, mote), DriftScorer.Score(mote.Name, drifting));

            above += drifted.Score > clean.Score ? 1 : 0;
            named += drifted.Cause == DriftCause.Bias ? 1 : 0;
            output.WriteLine($"{mote.Name}: clean {clean.Score:0.00} ({clean.Cause}, bias {clean.BiasShift:0.00}/{clean.BiasSpread:0.00}), drifting {drifted.Score:0.00} ({drifted.Cause}, bias {drifted.BiasShift:0.00})");
        }

        Assert.True(above >= 0.9 * RealSensors.IntelLab.Count, $"a growing bias ranked above the clean mote in only {above} of {RealSensors.IntelLab.Count}");
        Assert.True(named >= 0.8 * RealSensors.IntelLab.Count, $"named Bias in only {named} of {RealSensors.IntelLab.Count}");
    }

    [Fact]
    public void Score_CleanRealMotes_MostNeedNoLook()
    {
        var scores = RealSensors.IntelLab.Select(m => DriftScorer.Score(m.Name, m)).ToList();

        var flagged = scores.Count(s => s.Cause != DriftCause.None);
        output.WriteLine(string.Join(", ", scores.Select(s => $"{s.DeviceId} {s.Score:0.00} {s.Cause}")));
        Assert.All(scores, s => Assert.NotEqual(DriftCause.TooLittleHistory, s.Cause));
        Assert.True(flagged <= 0.2 * scores.Count, $"{flagged} of {scores.Count} clean motes flagged");
    }

    [Fact]
    public void Score_HeaterRunningTwiceAsLongLately_NamedHeaterDuty()
    {
        var mote = RealSensors.IntelLab[10];
        var start = RecentStart(mote);
        // On for one reading in three at first, two in three in the last third: a room losing heat, or a heater losing power.
        // Never on at both ends of a step at first, so the warm-up rate (which this real room does not follow) cannot be judged.
        var heater = Enumerable.Range(0, mote.Length).Select(i => (i >= start ? i % 3 != 0 : i % 3 == 0) ? 1.0 : 0.0).ToArray();

        var drift = DriftScorer.Score(mote.Name, mote, heater);

        Assert.Equal(DriftCause.HeaterDuty, drift.Cause);
        Assert.Equal(1 / 3.0, drift.BaselineDuty!.Value, 0.02);
        Assert.Equal(2 / 3.0, drift.RecentDuty!.Value, 0.02);
        Assert.All(drift.Days, d => Assert.NotNull(d.HeaterDuty));
    }

    [Fact]
    public void Score_OneDayOfHistory_TooLittleToJudge()
    {
        var mote = RealSensors.IntelLab[0];
        var day = mote with { Times = mote.Times[..48], Values = mote.Values[..48] };

        var drift = DriftScorer.Score(mote.Name, day);

        Assert.Equal(DriftCause.TooLittleHistory, drift.Cause);
        Assert.Equal(0, drift.Score);
    }

    /// <summary>The first reading of the last third, where the score's recent window begins.</summary>
    private static int RecentStart(SensorSeries series) => Array.FindIndex(series.Times, t => t >= series.Times[^1] - (series.Span / 3));
}
