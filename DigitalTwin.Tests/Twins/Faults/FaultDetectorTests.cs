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

    /// <summary>
    /// A bias growing over six hours to <paramref name="size"/> noise scales on the third day (the drift test judges a
    /// half hour only after two days of it): it must be the first fault raised in its window, the reason must say which
    /// way the readings crept, and nothing but the detector's own course of the day is known to it.
    /// </summary>
    [Theory]
    [InlineData(10, 15)]
    [InlineData(30, 30)]
    public void Observe_DriftInRealSeries_NamedDriftWithItsDirection(double size, int atLeast)
    {
        int named = 0, wrongWay = 0;
        foreach (var (mote, index) in RealSensors.IntelLab.Select((m, i) => (m, i)))
        {
            var interval = mote.Span / (mote.Length - 1);
            var sign = index % 2 == 0 ? 1 : -1;
            var plan = new FaultPlan(FaultKind.Drift, 96 + (index % 40), FaultInjector.LengthOf(FaultKind.Drift, interval), size, sign);
            var (faulty, truth) = FaultInjector.Inject(mote, [plan]);

            var hit = FaultEvaluation.Match(truth.Single(), FaultEvaluation.Detect(faulty, FaultDetectorSettings.Default), interval);

            if (hit?.Kind == FaultKind.Drift)
            {
                named++;
                wrongWay += hit.Reason.Contains(sign > 0 ? " above " : " below ", StringComparison.Ordinal) ? 0 : 1;
            }
        }

        output.WriteLine($"Drift of {size}× the noise: named a drift in {named} of {RealSensors.IntelLab.Count} motes, {wrongWay} the wrong way");
        Assert.True(named >= atLeast, $"a drift of {size}× the noise named in only {named} of {RealSensors.IntelLab.Count} motes");
        Assert.Equal(0, wrongWay);
    }

    [Fact]
    public void Observe_DriftInRealSeries_ReasonSaysHowFarAndSince()
    {
        var mote = RealSensors.IntelLab[30];
        var interval = mote.Span / (mote.Length - 1);
        var (faulty, truth) = FaultInjector.Inject(mote, [new FaultPlan(FaultKind.Drift, 120, FaultInjector.LengthOf(FaultKind.Drift, interval), 30)]);

        var drift = FaultEvaluation.Detect(faulty, FaultDetectorSettings.Default).First(d => d.Kind == FaultKind.Drift && d.At >= truth[0].Start);

        output.WriteLine(drift.Reason);
        Assert.Matches(@"^Drift: readings crept [0-9.]+ above the usual course of the day since [0-2][0-9]:[0-5][0-9] \(now [0-9.]+\)$", drift.Reason);
        Assert.InRange(drift.Since, truth[0].Start - TimeSpan.FromHours(2), drift.At);
    }

    [Fact]
    public void Observe_CleanRealSeries_FewDriftAlarms()
    {
        var drifts = RealSensors.IntelLab.Sum(m => FaultEvaluation.Detect(m, FaultDetectorSettings.Default).Count(d => d.Kind == FaultKind.Drift));
        var days = RealSensors.IntelLab.Sum(m => m.Span.TotalDays);

        output.WriteLine($"{drifts} drift alarms over {days:F0} device-days");
        Assert.True(drifts / days <= 0.2, $"{drifts / days:F2} drift alarms per device-day on the clean motes");
    }

    /// <summary>The drift test is judged per half hour, so a sensor reporting every minute gets no more chances a day.</summary>
    [Fact]
    public void Observe_CleanOneMinuteSeries_DriftAlarmsPerHalfHourNotPerReading()
    {
        var office = SensorData.ReadOffice(RealSensors.Directory);

        var drifts = office.Sum(s => FaultEvaluation.Detect(s, FaultDetectorSettings.Default).Count(d => d.Kind == FaultKind.Drift));
        var days = office.Sum(s => s.Span.TotalDays);

        output.WriteLine($"{drifts} drift alarms over {days:F1} device-days of 1-minute readings");
        Assert.True(drifts / days <= 1.0, $"{drifts / days:F2} drift alarms per device-day on the office's clean series");
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
