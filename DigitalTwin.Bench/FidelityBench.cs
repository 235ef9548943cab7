using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Core.Twins.Model;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>… -- fidelity [--seeds 5] [--sigmas 5]</c>: on the real series in data/sensors (50 Intel lab motes, the office's
/// temperature and humidity), (1) how well the detector's predictor (and the room model's daily-profile fallback) beat
/// the last value one step and one hour ahead, and (2) per fault kind and size, how the <see cref="FaultDetector"/> does on faults
/// injected at random places (recall, precision, false alarms per device-day, delay). No broker: in process.
/// </summary>
internal static class FidelityBench
{
    private static readonly double[] Sizes = [3, 5, 10];

    public static int Run(string[] args)
    {
        var seeds = Option(args, "--seeds", 5);
        var settings = new FaultDetectorSettings(Option(args, "--sigmas", FaultDetectorSettings.MediumSigmas));
        var directory = Path.Combine(SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found"), "sensors");
        var series = SensorData.ReadAll(directory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fidelity on {series.Count} real series ({series.Sum(s => s.Span.TotalDays):F0} device-days), {seeds} seeds, threshold {settings.Sigmas}σ"));
        var groups = new[]
        {
            ("Intel lab, 50 motes, 30 min", series.Where(s => s.Name.StartsWith("intel", StringComparison.Ordinal)).ToList()),
            ("Office, temperature + humidity, 1 min", series.Where(s => s.Name.StartsWith("occupancy", StringComparison.Ordinal)).ToList()),
        };
        foreach (var (title, group) in groups)
        {
            Console.WriteLine($"\n=== {title}");
            PredictionReport.Print(group);
            DetectionReport.PrintClean(group, settings);
            foreach (var size in Sizes)
            {
                DetectionReport.PrintInjected(group, settings, size, seeds);
            }
        }
        return 0;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static int Option(string[] args, string name, int fallback) => (int)Option(args, name, (double)fallback);
}

/// <summary>One-step and 1-hour prediction error against the last value and the sensor's noise, after a day of learning.</summary>
internal static class PredictionReport
{
    public static void Print(IReadOnlyList<SensorSeries> series)
    {
        double oneStep = 0, oneStepNaive = 0, hour = 0, hourProfile = 0, hourNaive = 0, noise = 0;
        int n1 = 0, nh = 0;
        foreach (var s in series)
        {
            var interval = s.Span / (s.Length - 1);
            var ahead = (int)Math.Round(TimeSpan.FromHours(1) / interval);
            var warmup = (int)(TimeSpan.FromDays(1) / interval);
            var detector = new FaultDetector();
            var profile = new DailyProfileModel(interval);
            noise += s.NoiseSigma() * s.NoiseSigma();
            for (var i = 0; i < s.Length; i++)
            {
                if (i >= warmup)
                {
                    oneStep += Square(detector.Predict(s.Times[i]) - s.Values[i]);
                    oneStepNaive += Square(s.Values[i - 1] - s.Values[i]);
                    n1++;
                }
                detector.Observe(s.Times[i], s.Values[i]);
                profile.Observe(s.Times[i], s.Values[i]);
                if (i >= warmup && i + ahead < s.Length)
                {
                    hour += Square(detector.Predict(s.Times[i + ahead]) - s.Values[i + ahead]);
                    hourProfile += Square(profile.Forecast(s.Times[i], ahead).Value - s.Values[i + ahead]);
                    hourNaive += Square(s.Values[i] - s.Values[i + ahead]);
                    nh++;
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            Prediction after 1 day of learning (target: the model's RMSE below the last value's)
              one step: RMSE {Math.Sqrt(oneStep / n1):F3} vs last value {Math.Sqrt(oneStepNaive / n1):F3} (ratio {Math.Sqrt(oneStep / oneStepNaive):F2}); sensor noise σ {Math.Sqrt(noise / series.Count):F3}; n={n1:N0}
              1 hour:   RMSE {Math.Sqrt(hour / nh):F3} vs last value {Math.Sqrt(hourNaive / nh):F3} (ratio {Math.Sqrt(hour / hourNaive):F2}); the room model's daily-profile fallback {Math.Sqrt(hourProfile / nh):F3} (ratio {Math.Sqrt(hourProfile / hourNaive):F2}); n={nh:N0}
            """));
    }

    private static double Square(double x) => x * x;
}
