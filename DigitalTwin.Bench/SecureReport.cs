using System.Globalization;

namespace DigitalTwin.Bench;

/// <param name="Mosquitto">The same connections' QoS 1 publishes to a plain mosquitto in the same round: issue 14's bar.</param>
internal sealed record SecureRound(AckedResult Mosquitto, AckedResult Raw, AckedResult Pipeline)
{
    public const double Target = 0.8;

    public double Ratio => Pipeline.Rate / Raw.Rate;

    public double ToMosquitto => Pipeline.Rate / Mosquitto.Rate;
}

/// <summary>The QoS 1 run with device credentials, as a plain table and as Markdown for the README.</summary>
internal static class SecureReport
{
    public static void PrintRound(int index, SecureRound round) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  round {index}: mosquitto {round.Mosquitto.Rate,9:N0} msg/s   raw {round.Raw.Rate,9:N0} msg/s   processed {round.Pipeline.Rate,9:N0} msg/s   ÷ mosquitto {round.ToMosquitto:0.00}   ÷ raw {round.Ratio:0.00}   " +
        $"PUBACK p50 {round.Pipeline.P50Ms:N1} ms p99 {round.Pipeline.P99Ms:N1} ms   early acks {round.Pipeline.EarlyAcks?.ToString(CultureInfo.InvariantCulture) ?? "not checked"}"));

    public static void Print(BenchOptions o, IReadOnlyList<SecureRound> rounds, long rejected, long samples, long expected)
    {
        var median = rounds.OrderBy(r => r.ToMosquitto).ElementAt(rounds.Count / 2);
        var rows = new (string Name, string Value)[]
        {
            ("devices", $"{o.Devices:N0} registered through {(o.AppProcess ? "POST /api/devices" : "the registry")}, one MQTT connection each (id + secret), QoS 1"),
            ("app", o.AppProcess ? "its own process (dotnet DigitalTwin.Web.dll, SQLite); the bench is an independent load generator" : "in the bench's process (WebApplicationFactory, SQLite)"),
            ("measured rounds", $"{rounds.Count} (median by the ratio to mosquitto; a warm-up round before, not counted)"),
            ("mosquitto alone, publish → PUBACK", $"{median.Mosquitto.Rate:N0} msg/s  (the same connections to a plain mosquitto {MosquittoVersion()}, same round)"),
            ("raw broker, publish → PUBACK", $"{median.Raw.Rate:N0} msg/s  (devices/{{id}}/bench: authorized, no app processing)"),
            ("processed, PUBACK after commit", $"{median.Pipeline.Rate:N0} msg/s  ({median.Pipeline.Sent:N0} msgs per round)"),
            ("ratio processed / mosquitto", $"{median.ToMosquitto:0.00}  target ≥ {SecureRound.Target:0.0} {(median.ToMosquitto >= SecureRound.Target ? "✔" : "✘")}  (per round: {string.Join(" / ", rounds.Select(r => r.ToMosquitto.ToString("0.00", CultureInfo.InvariantCulture)))})"),
            ("ratio processed / raw", $"{median.Ratio:0.00}  (per round: {string.Join(" / ", rounds.Select(r => r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)))})"),
            ("PUBACK latency, mosquitto", $"p50 {median.Mosquitto.P50Ms:N1} ms  p99 {median.Mosquitto.P99Ms:N1} ms"),
            ("PUBACK latency, raw", $"p50 {median.Raw.P50Ms:N1} ms  p99 {median.Raw.P99Ms:N1} ms"),
            ("PUBACK latency, processed", $"p50 {median.Pipeline.P50Ms:N1} ms  p99 {median.Pipeline.P99Ms:N1} ms"),
            ("PUBACKs before their commit", rounds.Any(r => r.Pipeline.EarlyAcks is null)
                ? "not checked: the app runs in a process of its own (the in-process run checks every PUBACK)"
                : $"{rounds.Sum(r => r.Pipeline.EarlyAcks):N0} of {rounds.Sum(r => r.Pipeline.Sent):N0} {(rounds.All(r => r.Pipeline.EarlyAcks == 0) ? "OK" : "BROKEN")}"),
            ("rejects", $"{rejected:N0}  (a refused connect or PUBACK stops the run)"),
            ("samples in DB / expected", $"{samples:N0} / {expected:N0} {(samples == expected ? "OK" : "MISMATCH")}"),
        };
        Report.PrintTable($"DigitalTwin ingest benchmark, QoS 1 with credentials (--qos 1 --devices {o.Devices} --seconds {o.Seconds} --repeat {o.Repeat}{AppOption(o)})",
            $"--qos 1 --devices {o.Devices} --seconds {o.Seconds} --repeat {o.Repeat}{AppOption(o)}", rows);
    }

    private static string AppOption(BenchOptions o) => o.AppProcess ? " --app process" : "";

    private static string MosquittoVersion()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/sbin/mosquitto", "-h") { RedirectStandardOutput = true });
        var first = process?.StandardOutput.ReadLine() ?? "";
        process?.WaitForExit();
        return first.Replace("mosquitto version ", "", StringComparison.Ordinal).Trim();
    }
}
