using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Twins.Model;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Twins.Model;

/// <summary>The fitted room against the simulator's own room: the simulator is run, never the app.</summary>
public sealed class RoomModelTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Rooms => [0, 1, 2, 3, 7];

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Fit_SimulatedRoom_RecoversTimeConstantWithinTenPercent(int device)
    {
        var truth = device == 0 ? new ThermalModelParameters() : ThermalModelParameters.ForDevice(device);

        var fitted = Fit(truth, TimeSpan.FromMinutes(1), TimeSpan.FromDays(6), seed: device);

        output.WriteLine($"room {device}: τ true {truth.TimeConstant.TotalHours:F3} h fitted {fitted.TimeConstant.TotalHours:F3} h; " +
            $"gain true {truth.HeaterGain * 1000:F3} fitted {fitted.HeaterGain * 1000:F3} mK/s; σ sensor {fitted.SensorSigma:F3} process {fitted.ProcessSigma:F4} K");
        Assert.InRange(fitted.TimeConstant / truth.TimeConstant, 0.9, 1.1);
        Assert.InRange(fitted.HeaterGain / truth.HeaterGain, 0.95, 1.05);
        // The simulator's read noise is 0.08 K; the estimate of it comes from the innovations alone.
        Assert.InRange(fitted.SensorSigma, 0.06, 0.10);
    }

    [Fact]
    public void Parameters_TooFewReadings_IsNull()
    {
        var model = new RoomModel(TimeSpan.FromMinutes(1), hasHeater: true);
        model.Observe(20, 5, 1);
        model.Observe(20.1, 5, 1);

        Assert.Null(model.Parameters());
    }

    internal static RoomParameters Fit(ThermalModelParameters truth, TimeSpan step, TimeSpan span, int seed)
    {
        var thermometer = new SimulatedThermometer("room", new ThermalModel(truth, Start, truth.Setpoint - 3), seed);
        var model = new RoomModel(step, hasHeater: true);
        for (var t = Start; t < Start + span; t += step)
        {
            var reading = thermometer.Read(t);
            // What a device reports at t: its reading, the outdoor temperature now and the heater's state from now on.
            model.Observe(reading.Temperature, thermometer.Model.OutdoorTemperatureAt(t), thermometer.Model.HeaterOn ? 1 : 0);
        }
        return model.Parameters() ?? throw new InvalidOperationException("The model did not fit.");
    }
}
