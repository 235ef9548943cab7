using System.Globalization;

namespace DigitalTwin.Bench;

/// <summary>Command-line options: <c>--qos 1 --devices 1000 --seconds 10 --publishers 4 --repeat 1 --light-rate 200 --light-seconds 5</c>.</summary>
internal sealed record BenchOptions(int Devices, double Seconds, int Publishers, int Repeat, int LightRate, double LightSeconds, int Window, int Qos = 1, bool AppProcess = false)
{
    public const string Usage = """
        DigitalTwin ingest benchmark: raw broker rate vs. fully processed telemetry, in the same run.
          --qos Q            1 (default): registered devices, one connection each with its secret, QoS 1,
                             PUBACK after commit; 0: the QoS 0 run with --publishers anonymous connections
          --devices N        devices publishing telemetry (default 1000)
          --seconds S        length of each raw-broker round; the pipeline round sends as many messages (default 10)
          --publishers P     MQTT publisher connections (default 4)
          --repeat R         measured rounds; medians are reported (default 1)
          --light-rate M     messages/s of the light-load latency run (default 200)
          --light-seconds S  length of the light-load latency run (default 5)
          --app WHERE        QoS 1 run: in-process (default; every PUBACK checked against the commit counter) or
                             process (the app in a process of its own, the bench an independent load generator)
          --window W         raw round: most messages in flight to the subscriber (default 500;
                     the broker drops past 1,000 queued per client)
        Other modes (first argument): power-import, forecast, history-query, history-write, devices-page, memory,
          import-memory (memory of refusing 10 MB and 100 MB broken KEPCO uploads over HTTP)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Devices: 1000, Seconds: 10, Publishers: 4, Repeat: 1, LightRate: 200, LightSeconds: 5, Window: 500);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.\n{Usage}");
            }
            var value = args[++i];
            options = name switch
            {
                "--devices" => options with { Devices = Positive(name, value) },
                "--seconds" => options with { Seconds = PositiveDouble(name, value) },
                "--publishers" => options with { Publishers = Positive(name, value) },
                "--repeat" => options with { Repeat = Positive(name, value) },
                "--light-rate" => options with { LightRate = Positive(name, value) },
                "--light-seconds" => options with { LightSeconds = PositiveDouble(name, value) },
                "--window" => options with { Window = Positive(name, value) },
                "--app" => options with { AppProcess = value is "process" || (value is "in-process" ? false : throw new ArgumentException($"--app must be in-process or process, not '{value}'.")) },
                "--qos" => options with { Qos = value is "0" or "1" ? int.Parse(value, CultureInfo.InvariantCulture) : throw new ArgumentException($"--qos must be 0 or 1, not '{value}'.") },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    private static double PositiveDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
            ? d
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'.");
}
