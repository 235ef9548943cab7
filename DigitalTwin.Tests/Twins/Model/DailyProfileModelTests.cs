using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Model;
using Xunit.Abstractions;

namespace DigitalTwin.Tests.Twins.Model;

/// <summary>The daily-profile fallback on real rooms (data/sensors): fitted on the first days, judged on the days after.</summary>
public sealed class DailyProfileModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Forecast_IntelLabHeldOutDays_BeatsLastValueSixHoursAhead()
    {
        var step = TimeSpan.FromMinutes(30);
        var start = new DateTimeOffset(2004, 2, 28, 0, 30, 0, TimeSpan.Zero);
        var train = ReadIntel("intelTemperatureTrain.csv");
        var test = ReadIntel("intelTemperatureTest.csv");
        var hour = new HeldOut();
        var sixHours = new HeldOut();
        for (var sensor = 0; sensor < train.Count; sensor++)
        {
            var series = new RoomSeries(start, step, [.. train[sensor], .. test[sensor]], null, null);
            Score(series, train[sensor].Length, hour, 2, sixHours, 12);
        }

        output.WriteLine($"Intel, 50 sensors, 2 held-out days: 1 h ahead {hour}; 6 h ahead {sixHours}");
        Assert.True(sixHours.Ratio < 1.0, $"6 h ahead the profile should beat the last value: {sixHours}");
    }

    [Fact]
    public void Forecast_OfficeRoomHeldOutDays_BeatsLastValueSixHoursAhead()
    {
        var step = TimeSpan.FromMinutes(10);
        var (start, values) = ReadOccupancy(step);
        var hour = new HeldOut();
        var sixHours = new HeldOut();
        var trainSteps = (int)(TimeSpan.FromDays(3) / step);

        Score(new RoomSeries(start, step, values, null, null), trainSteps, hour, 6, sixHours, 36);

        output.WriteLine($"Office room, {values.Length - trainSteps} held-out 10-minute steps: 1 h ahead {hour}; 6 h ahead {sixHours}");
        Assert.True(sixHours.Ratio < 1.0, $"6 h ahead the profile should beat the last value: {sixHours}");
    }

    [Fact]
    public void Forecast_PureDailyCycle_LearnsTheProfile()
    {
        var step = TimeSpan.FromMinutes(15);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var model = new DailyProfileModel(step);
        var steps = (int)(TimeSpan.FromDays(14) / step);
        for (var i = 0; i < steps; i++)
        {
            model.Observe(start + (step * i), 20 + (2 * Math.Sin(2 * Math.PI * (start + (step * i)).TimeOfDay.TotalHours / 24)));
        }

        var last = start + (step * (steps - 1));
        var (value, _) = model.Forecast(last, 24);
        var expected = 20 + (2 * Math.Sin(2 * Math.PI * (last + (step * 24)).TimeOfDay.TotalHours / 24));
        Assert.InRange(model.ProfileAmplitude, 1.6, 2.2);
        Assert.InRange(value, expected - 0.5, expected + 0.5);
    }

    /// <summary>Fits on the first <paramref name="train"/> steps, then forecasts from every held-out step, learning as it goes.</summary>
    private static void Score(RoomSeries series, int train, HeldOut near, int nearSteps, HeldOut far, int farSteps)
    {
        var model = new DailyProfileForecaster(series.Step);
        for (var i = 0; i < series.Length; i++)
        {
            model.Observe(series, i);
            if (i < train - 1 || !double.IsFinite(series.Values[i]) || model.Forecast(series, i, farSteps, 1) is not { } forecast)
            {
                continue;
            }
            if (i + nearSteps < series.Length)
            {
                near.Add(forecast[nearSteps - 1].Value, series.Values[i], series.Values[i + nearSteps]);
            }
            if (i + farSteps < series.Length)
            {
                far.Add(forecast[farSteps - 1].Value, series.Values[i], series.Values[i + farSteps]);
            }
        }
    }

    private static List<double[]> ReadIntel(string file) =>
        [.. File.ReadAllLines(Path.Combine(DataDirectory, "intel_lab", file))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>The 1-minute office series averaged onto a grid of <paramref name="step"/>, as the history store would bucket it.</summary>
    private static (DateTimeOffset Start, double[] Values) ReadOccupancy(TimeSpan step)
    {
        var rows = File.ReadAllLines(Path.Combine(DataDirectory, "occupancy_uci", "datatest2.txt")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Time: new DateTimeOffset(DateTime.Parse(f[1].Trim('"'), CultureInfo.InvariantCulture), TimeSpan.Zero),
                Value: double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
        var start = rows[0].Time;
        var length = (int)Math.Ceiling((rows[^1].Time - start) / step) + 1;
        var sums = new double[length];
        var counts = new int[length];
        foreach (var (time, value) in rows)
        {
            var index = (int)((time - start) / step);
            sums[index] += value;
            counts[index]++;
        }
        return (start, [.. sums.Zip(counts, (s, c) => c > 0 ? s / c : double.NaN)]);
    }

    private static string DataDirectory => Path.Combine(
        SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found"), "sensors");

    private sealed class HeldOut
    {
        private double _model;
        private double _naive;
        private int _count;

        public double Ratio => _model / _naive;

        public void Add(double forecast, double last, double actual)
        {
            if (double.IsFinite(actual))
            {
                _model += Math.Abs(forecast - actual);
                _naive += Math.Abs(last - actual);
                _count++;
            }
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"MAE profile {_model / _count:F3} K vs last value {_naive / _count:F3} K (ratio {Ratio:F2}, n={_count})");
    }
}
