using System.Runtime;
using System.Runtime.InteropServices;

namespace DigitalTwin.Bench;

internal sealed record Round(BaselineResult Raw, PipelineResult Pipeline)
{
    public double Ratio => Pipeline.Rate / Raw.Rate;
}

internal sealed record BenchReport(
    BenchOptions Options,
    IReadOnlyList<Round> Rounds,
    PipelineResult Light,
    long Rejected,
    long Samples,
    long ExpectedSamples);

/// <summary>Prints the figures as a plain table, medians over the measured rounds.</summary>
internal static class Report
{
    public const double Target = 0.8;

    public static void PrintRound(int index, Round round) => Console.WriteLine(
        $"  round {index}: raw {round.Raw.Rate,9:N0} msg/s ({round.Raw.Received:N0}/{round.Raw.Sent:N0} received)   " +
        $"processed {round.Pipeline.Rate,9:N0} msg/s   ratio {round.Ratio:0.00}   " +
        $"latency p50 {round.Pipeline.Latency.P50Ms:N1} ms p99 {round.Pipeline.Latency.P99Ms:N1} ms");

    public static void Print(BenchReport report)
    {
        var o = report.Options;
        var median = report.Rounds.OrderBy(r => r.Ratio).ElementAt(report.Rounds.Count / 2);
        var rawRate = Median(report.Rounds.Select(r => r.Raw.Rate));
        var processedRate = Median(report.Rounds.Select(r => r.Pipeline.Rate));
        var lost = report.Rounds.Sum(r => r.Raw.Sent - r.Raw.Received);
        var loaded = median.Pipeline.Latency;
        var light = report.Light.Latency;
        var rows = new (string Name, string Value)[]
        {
            ("devices / publishers", $"{o.Devices:N0} / {o.Publishers} (QoS 0, anonymous publishers: Devices:AllowAutoRegistration on)"),
            ("measured rounds", $"{report.Rounds.Count} (medians; a warm-up round before, not counted)"),
            ("raw broker → subscriber", $"{rawRate:N0} msg/s" + (lost > 0 ? $"  ({lost:N0} sent but not received!)" : "  (all received)")),
            ("processed (twin + history)", $"{processedRate:N0} msg/s  ({median.Pipeline.Sent:N0} msgs per round)"),
            ("ratio processed / raw", $"{Median(report.Rounds.Select(r => r.Ratio)):0.00}  (target ≥ {Target:0.0}) {(Median(report.Rounds.Select(r => r.Ratio)) >= Target ? "OK" : "BELOW TARGET")}"),
            ("latency publish→twin, loaded", Format(loaded)),
            ($"latency publish→twin, {o.LightRate} msg/s", Format(light)),
            ("rejects", $"{report.Rejected:N0}"),
            ("samples in DB / expected", $"{report.Samples:N0} / {report.ExpectedSamples:N0} {(report.Samples == report.ExpectedSamples ? "OK" : "MISMATCH")}"),
            ("machine", $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"),
            ("GC", $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}"),
        };
        PrintTable($"DigitalTwin ingest benchmark (--devices {o.Devices} --seconds {o.Seconds} --publishers {o.Publishers} --repeat {o.Repeat})",
            $"--qos 0 --devices {o.Devices} --seconds {o.Seconds} --publishers {o.Publishers} --repeat {o.Repeat}",
            [.. rows, ("ratio per round", string.Join(" / ", report.Rounds.Select(r => r.Ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))))]);
    }

    /// <summary>The figures as a plain table, then as a Markdown table to paste into the README.</summary>
    public static void PrintTable(string title, string arguments, IReadOnlyList<(string Name, string Value)> rows)
    {
        var width = rows.Max(r => r.Name.Length);
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('-', width + 60));
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"{name.PadRight(width)}  {value}");
        }
        Console.WriteLine(new string('-', width + 60));
        Console.WriteLine();
        Console.WriteLine("Markdown (for the README):");
        Console.WriteLine();
        Console.WriteLine($"`{arguments}`, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| | |");
        Console.WriteLine("|---|---|");
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"| {name} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    /// <summary>Ingest with no alert rules against ingest with <see cref="AlertRules.Count"/>, measured in the same run.</summary>
    public static void PrintAlerts(IReadOnlyList<Round> without, IReadOnlyList<Round> with, int openAlerts)
    {
        var rate0 = Median(without.Select(r => r.Pipeline.Rate));
        var rate100 = Median(with.Select(r => r.Pipeline.Rate));
        // Each round against its own raw broker rate, so a machine that slowed down between the halves does not count.
        var ratio0 = Median(without.Select(r => r.Ratio));
        var ratio100 = Median(with.Select(r => r.Ratio));
        Console.WriteLine();
        Console.WriteLine($"Alert evaluation ({AlertRules.Count} rules: device, kind and tag targets; {openAlerts:N0} alerts open at the end)");
        Console.WriteLine($"| | 0 rules | {AlertRules.Count} rules | {AlertRules.Count} / 0 |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| processed msg/s (median) | {rate0:N0} | {rate100:N0} | {rate100 / rate0:0.00} |");
        Console.WriteLine($"| processed / raw broker (median) | {ratio0:0.00} | {ratio100:0.00} | {ratio100 / ratio0:0.00} |");
        Console.WriteLine($"| latency p50 publish→twin, loaded | {Median(without.Select(r => r.Pipeline.Latency.P50Ms)):N1} ms | {Median(with.Select(r => r.Pipeline.Latency.P50Ms)):N1} ms | |");
    }

    private static string Format(LatencySummary l) =>
        $"p50 {l.P50Ms:N1} ms  p99 {l.P99Ms:N1} ms  max {l.MaxMs:N1} ms  ({l.Measured:N0}/{l.Messages:N0} measured)";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
