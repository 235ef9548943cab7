using System.Globalization;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>One sensor's readings in time order (gaps allowed), named for reports ("intel_lab/mote07").</summary>
public sealed record SensorSeries(string Name, string Metric, DateTimeOffset[] Times, double[] Values)
{
    public int Length => Values.Length;

    public TimeSpan Span => Length < 2 ? TimeSpan.Zero : Times[^1] - Times[0];

    /// <summary>
    /// The sensor's noise, what a fault's size is measured in: the spread of consecutive changes (their trimmed
    /// <see cref="RobustSigma"/> / √2, the largest 5 % left out as the room's real events).
    /// </summary>
    public double NoiseSigma() =>
        RobustSigma.Trimmed(Enumerable.Range(1, Math.Max(0, Length - 1)).Select(i => Values[i] - Values[i - 1])) / Math.Sqrt(2);
}

/// <summary>Reads the real room series shipped in data/sensors (see its SOURCE.md).</summary>
public static class SensorData
{
    private static readonly DateTimeOffset IntelStart = new(2004, 2, 28, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Every series: the 50 Intel lab motes (30-minute steps, 5 days) and the office's temperature and humidity (1 minute, 6.8 days).</summary>
    public static IReadOnlyList<SensorSeries> ReadAll(string sensorsDirectory) =>
        [.. ReadIntelLab(sensorsDirectory), .. ReadOffice(sensorsDirectory)];

    public static IReadOnlyList<SensorSeries> ReadIntelLab(string sensorsDirectory)
    {
        var train = ReadIntel(Path.Combine(sensorsDirectory, "intel_lab", "intelTemperatureTrain.csv"));
        var test = ReadIntel(Path.Combine(sensorsDirectory, "intel_lab", "intelTemperatureTest.csv"));
        return [.. train.Zip(test, (a, b) => (double[])[.. a, .. b]).Select((values, mote) => new SensorSeries(
            $"intel_lab/mote{mote + 1:00}", "temperature",
            [.. Enumerable.Range(0, values.Length).Select(i => IntelStart + (TimeSpan.FromMinutes(30) * i))], values))];
    }

    /// <summary>The office room's 1-minute temperature and humidity (the header has one name fewer than the rows).</summary>
    public static IReadOnlyList<SensorSeries> ReadOffice(string sensorsDirectory)
    {
        var rows = File.ReadLines(Path.Combine(sensorsDirectory, "occupancy_uci", "datatest2.txt")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Time: new DateTimeOffset(DateTime.Parse(f[1].Trim('"'), CultureInfo.InvariantCulture), TimeSpan.Zero),
                Temperature: Parse(f[2]), Humidity: Parse(f[3])))
            .ToArray();
        DateTimeOffset[] times = [.. rows.Select(r => r.Time)];
        return
        [
            new SensorSeries("occupancy_uci/temperature", "temperature", times, [.. rows.Select(r => r.Temperature)]),
            new SensorSeries("occupancy_uci/humidity", "humidity", times, [.. rows.Select(r => r.Humidity)]),
        ];
    }

    private static List<double[]> ReadIntel(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split(',').Select(Parse).ToArray())];

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
