namespace DigitalTwin.Core.Twins.Model;

/// <summary>
/// An on/off thermostat with hysteresis, as the simulator's: on below Setpoint − Band, off above Setpoint + Band.
/// </summary>
/// <param name="Inferred">True when read from the heater's switching in the history; false when assumed.</param>
public sealed record Thermostat(double Setpoint, double Band, bool Inferred)
{
    /// <summary>The band assumed when the history shows no switching to read it from (the simulator's default).</summary>
    public const double AssumedBand = 0.5;

    public bool Decide(bool heaterOn, double temperature) =>
        temperature < Setpoint - Band || (heaterOn && temperature <= Setpoint + Band);

    /// <summary>Reads the switching thresholds off the history: the median temperature where the heater went on, and where it went off.</summary>
    /// <param name="end">Only steps before it are read (a backtest must not look ahead).</param>
    public static Thermostat Infer(RoomSeries series, int end)
    {
        var ons = new List<double>();
        var offs = new List<double>();
        if (series.Heater is { } heater)
        {
            for (var i = 1; i < end; i++)
            {
                if (double.IsFinite(heater[i - 1]) && double.IsFinite(heater[i]) && double.IsFinite(series.Values[i - 1]))
                {
                    if (heater[i - 1] < 0.5 && heater[i] >= 0.5)
                    {
                        ons.Add(series.Values[i - 1]);
                    }
                    else if (heater[i - 1] >= 0.5 && heater[i] < 0.5)
                    {
                        offs.Add(series.Values[i - 1]);
                    }
                }
            }
        }
        if (ons.Count >= 2 && offs.Count >= 2)
        {
            var low = Median(ons);
            var high = Median(offs);
            if (high > low)
            {
                return new Thermostat((low + high) / 2.0, (high - low) / 2.0, Inferred: true);
            }
        }
        var recent = series.Values.Take(end).Where(double.IsFinite).TakeLast(100).DefaultIfEmpty(double.NaN).Average();
        return new Thermostat(recent, AssumedBand, Inferred: false);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
