using System.Diagnostics;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Twins.Model;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>… -- room-model [devices]</c>: what fitting the room model (with its backtest) and a 2-hour forecast costs per
/// device, over the simulator's rooms (1,000 by default), each a 1,000-step window at 1-minute steps as the
/// forecaster reads it from history; and how close the fitted τ comes to each room's true one.
/// </summary>
internal static class RoomModelBench
{
    public static int Run(string[] args)
    {
        var devices = args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 1000;
        var step = TimeSpan.FromMinutes(1);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var series = Enumerable.Range(1, devices).Select(i => Simulate(i, start, step)).ToArray();

        var fitTime = Stopwatch.StartNew();
        var fits = series.Select((s, i) => TwinForecaster.Fit($"thermo-{i + 1}", "temperature", s, room: true, hasHeater: true)!).ToArray();
        fitTime.Stop();
        var forecastTime = Stopwatch.StartNew();
        var points = fits.Sum(f => f.Model.Forecast(f.Series, f.Origin, 120, 1)?.Count ?? 0);
        forecastTime.Stop();

        var errors = fits.Select((f, i) => f.Room is { } room
                ? Math.Abs((room.TimeConstant / ThermalModelParameters.ForDevice(i + 1).TimeConstant) - 1)
                : double.NaN)
            .Where(double.IsFinite).Order().ToArray();
        var ratios = fits.Where(f => f.Backtest is not null).Select(f => f.Backtest!.Ahead.Ratio).Order().ToArray();
        Console.WriteLine($"Room model, {devices:N0} simulated rooms, 1,000 one-minute steps each");
        Console.WriteLine($"  fit + backtest: {fitTime.Elapsed.TotalSeconds:F2} s ({fitTime.Elapsed.TotalMilliseconds / devices:F2} ms per device)");
        Console.WriteLine($"  2 h forecast (64 runs): {forecastTime.Elapsed.TotalSeconds:F2} s ({forecastTime.Elapsed.TotalMilliseconds / devices:F2} ms per device, {points:N0} points)");
        Console.WriteLine($"  RC fitted for {errors.Length:N0}; |τ error| median {Median(errors):P1}, 95th percentile {errors[(int)(0.95 * (errors.Length - 1))]:P1}, within 10 % for {errors.Count(e => e <= 0.1) / (double)errors.Length:P0}");
        Console.WriteLine($"  backtest 1 h ahead, model/last-value MAE ratio: median {Median(ratios):F2}");
        return 0;
    }

    private static RoomSeries Simulate(int device, DateTimeOffset start, TimeSpan step)
    {
        var thermometer = SimulatedThermometer.ForDevice("thermo-", device, start);
        var values = new double[1000];
        var outdoor = new double[1000];
        var heater = new double[1000];
        for (var k = 0; k < values.Length; k++)
        {
            var reading = thermometer.Read(start + (step * k));
            (values[k], outdoor[k], heater[k]) = (reading.Temperature, reading.OutdoorTemperature!.Value, reading.HeaterOn == true ? 1 : 0);
        }
        return new RoomSeries(start, step, values, outdoor, heater);
    }

    private static double Median(double[] sorted) => sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
}
