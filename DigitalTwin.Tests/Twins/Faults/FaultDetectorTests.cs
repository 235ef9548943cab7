using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Twins.Faults;

/// <summary>
/// The fault detector on the real rooms of data/sensors: one fault of each kind injected into each of the 50 Intel
/// lab motes on its third day; each must be found (and named), and the clean series must stay quiet.
/// </summary>
public sealed class FaultDetectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(FaultKind.Spike, 15)]
    [InlineData(FaultKind.Spike, 10)]
    [InlineData(FaultKind.FastChange, 15)]
    [InlineData(FaultKind.Stuck, 0)]
    [InlineData(FaultKind.Dropout, 0)]
    [InlineData(FaultKind.Drift, 30)]
    public void Observe_FaultInjectedInRealSeries_DetectedInItsWindow(FaultKind kind, double size)
    {
        int found = 0, named = 0;
        foreach (var (mote, index) in RealSensors.IntelLab.Select((m, i) => (m, i)))
        {
            var interval = mote.Span / (mote.Length - 1);
            // Third day, a different half hour for each mote, alternating up and down.
            var plan = new FaultPlan(kind, 96 + (index % 40), FaultInjector.LengthOf(kind, interval), size, index % 2 == 0 ? 1 : -1);
            var (faulty, truth) = FaultInjector.Inject(mote, [plan]);

            var hit = FaultEvaluation.Match(truth.Single(), FaultEvaluation.Detect(faulty, FaultDetectorSettings.Default), interval);

            found += hit is null ? 0 : 1;
            named += hit?.Kind == kind ? 1 : 0;
        }

        output.WriteLine($"{kind} of {size}× the noise: found in {found} of {RealSensors.IntelLab.Count} motes, named right in {named}");
        Assert.True(found >= 0.9 * RealSensors.IntelLab.Count, $"{kind}: found in only {found} of {RealSensors.IntelLab.Count} motes");
        if (kind != FaultKind.Drift)
        {
            Assert.True(named >= 0.8 * found, $"{kind}: named right in only {named} of {found}");
        }
    }

    [Fact]
    public void Observe_CleanRealSeries_AtMostOneAlarmPerDeviceDay()
    {
        var alarms = RealSensors.IntelLab.Sum(m => FaultEvaluation.Detect(m, FaultDetectorSettings.Default).Count);
        var days = RealSensors.IntelLab.Sum(m => m.Span.TotalDays);

        output.WriteLine($"{alarms} alarms over {days:F0} device-days");
        Assert.True(alarms / days <= 1.0, $"{alarms / days:F2} alarms per device-day on the clean motes");
    }

    [Fact]
    public void Observe_StuckValue_ReasonNamesValueAndDuration()
    {
        var mote = RealSensors.IntelLab[0];
        var (faulty, _) = FaultInjector.Inject(mote, [new FaultPlan(FaultKind.Stuck, 120, 8, 0)]);

        var stuck = FaultEvaluation.Detect(faulty, FaultDetectorSettings.Default).First(d => d.Kind == FaultKind.Stuck);

        Assert.StartsWith($"Stuck value: {mote.Values[119]:0.##} for ", stuck.Reason, StringComparison.Ordinal);
    }
}
