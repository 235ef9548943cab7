using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Core.Twins.Maintenance;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>
/// The warm-up rate on the simulator's rooms (1-minute readings with its 0.08 K read noise, 6 days): a heater that
/// loses half its power for the last two days makes the room slower to reach its setpoint, and the score says so.
/// </summary>
public sealed class HeatingDriftTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2024, 1, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_HeaterLosingHalfItsPower_NamedSlowWarmUp()
    {
        var (readings, heater) = Room(weakenAt: TimeSpan.FromDays(4), seed: 1);

        var drift = DriftScorer.Score("room", readings, heater);

        output.WriteLine($"score {drift.Score:0.00} {drift.Cause}: warm-up {drift.BaselineHeating:0.00} → {drift.RecentHeating:0.00} K/h, duty {drift.BaselineDuty:0.00} → {drift.RecentDuty:0.00}");
        Assert.Equal(DriftCause.HeatingRate, drift.Cause);
        Assert.True(drift.RecentHeating < 0.5 * drift.BaselineHeating, $"{drift.RecentHeating} against {drift.BaselineHeating} K/h");
        Assert.True(drift.RecentDuty > drift.BaselineDuty, "a weaker heater runs longer");
    }

    [Fact]
    public void Score_HealthyHeaterAllAlong_NeedsNoLook()
    {
        var (readings, heater) = Room(weakenAt: null, seed: 2);

        var drift = DriftScorer.Score("room", readings, heater);

        output.WriteLine($"score {drift.Score:0.00} {drift.Cause}: warm-up {drift.BaselineHeating:0.00} → {drift.RecentHeating:0.00} K/h, noise ×{drift.NoiseRatio:0.00}, faults {drift.BaselineFaultsPerDay:0.0} → {drift.RecentFaultsPerDay:0.0}/day");
        Assert.Equal(DriftCause.None, drift.Cause);
        Assert.InRange(drift.RecentHeating!.Value / drift.BaselineHeating!.Value, 0.8, 1.25);
    }

    /// <summary>Six days of a simulated room at one reading a minute; from <paramref name="weakenAt"/> its heater has half the gain.</summary>
    private static (SensorSeries Readings, double[] Heater) Room(TimeSpan? weakenAt, int seed)
    {
        var random = new Random(seed);
        var truth = new ThermalModelParameters();
        var model = new ThermalModel(truth, Start, truth.Setpoint - 3);
        var (times, values, heater) = (new List<DateTimeOffset>(), new List<double>(), new List<double>());
        for (var t = Start; t < Start + TimeSpan.FromDays(6); t += TimeSpan.FromMinutes(1))
        {
            if (weakenAt is { } at && t == Start + at)
            {
                model = new ThermalModel(truth with { HeaterGain = truth.HeaterGain / 2 }, t, model.Temperature);
            }
            model.AdvanceTo(t);
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            times.Add(t);
            values.Add(model.Temperature + (SimulatedThermometer.DefaultTemperatureNoise * gaussian));
            heater.Add(model.HeaterOn ? 1 : 0);
        }
        return (new SensorSeries("room", "temperature", [.. times], [.. values]), [.. heater]);
    }
}
