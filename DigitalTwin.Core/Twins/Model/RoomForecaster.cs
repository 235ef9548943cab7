namespace DigitalTwin.Core.Twins.Model;

/// <summary>
/// The RC room behind <see cref="IRoomForecastModel"/>: forecasts by running the fitted room forward many times with
/// its own process and sensor noise, the heater switched by the thermostat read off the history, and outdoors held
/// at its last reading; the mean of the runs is the forecast and their 5th–95th percentiles the interval. Runs
/// rather than a formula because the thermostat makes the room non-linear: a few cycles ahead the heater's phase is
/// unknown, and the runs spread over the band by themselves.
/// </summary>
public sealed class RoomForecaster(TimeSpan step, bool hasHeater, int paths = RoomForecaster.DefaultPaths) : IRoomForecastModel
{
    public const int DefaultPaths = 64;

    public RoomModel Model { get; } = new(step, hasHeater);

    public string Kind => "room-rc";

    public void Observe(RoomSeries series, int index)
    {
        if (series.IsComplete(index))
        {
            Model.Observe(series.Values[index], series.Outdoor![index], series.Heater?[index] ?? 0.0);
        }
        else
        {
            Model.Gap();
        }
    }

    public IReadOnlyList<ForecastPoint>? Forecast(RoomSeries series, int origin, int steps, int stride)
    {
        if (Model.Parameters() is not { } parameters || !series.IsComplete(origin))
        {
            return null;
        }
        var thermostat = Model.HasHeater ? Thermostat.Infer(series, origin + 1) : null;
        var state = new RoomState(series.Values[origin], series.Outdoor![origin], series.Heater?[origin] >= 0.5);
        var count = steps / stride;
        var readings = new double[count][];
        for (var j = 0; j < count; j++)
        {
            readings[j] = new double[paths];
        }
        // Seeded: the same history always gives the same forecast.
        var random = new Random(origin);
        for (var path = 0; path < paths; path++)
        {
            var (temperature, heaterOn) = (state.Temperature, state.HeaterOn);
            for (var k = 1; k <= count * stride; k++)
            {
                heaterOn = thermostat?.Decide(heaterOn, temperature) ?? false;
                temperature = parameters.Next(temperature, state.Outdoor, heaterOn ? 1 : 0) + (parameters.ProcessSigma * Gaussian(random));
                if (k % stride == 0)
                {
                    readings[(k / stride) - 1][path] = temperature + (parameters.SensorSigma * Gaussian(random));
                }
            }
        }
        var points = new ForecastPoint[count];
        for (var j = 0; j < count; j++)
        {
            var sample = readings[j];
            Array.Sort(sample);
            points[j] = new ForecastPoint(series.TimeAt(origin + ((j + 1) * stride)), sample.Average(),
                Percentile(sample, 0.05), Percentile(sample, 0.95));
        }
        return points;
    }

    internal static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}

/// <summary>Where the room is now: the last reading, outdoors, and whether the heater is on.</summary>
public readonly record struct RoomState(double Temperature, double Outdoor, bool HeaterOn);
