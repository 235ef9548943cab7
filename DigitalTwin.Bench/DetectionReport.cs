using System.Globalization;
using DigitalTwin.Core.Twins.Faults;

namespace DigitalTwin.Bench;

/// <summary>Recall, precision, false alarms per device-day and delay of the <see cref="FaultDetector"/>, per fault kind.</summary>
internal static class DetectionReport
{
    private static readonly FaultKind[] Kinds = Enum.GetValues<FaultKind>();

    /// <summary>False alarms on the series as recorded (no faults injected; the data's own glitches count against us).</summary>
    public static void PrintClean(IReadOnlyList<SensorSeries> series, FaultDetectorSettings settings)
    {
        var byKind = Kinds.ToDictionary(k => k, _ => 0);
        double days = 0;
        foreach (var s in series)
        {
            days += s.Span.TotalDays;
            foreach (var detection in FaultEvaluation.Detect(s, settings))
            {
                byKind[detection.Kind]++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nClean series, {days:F0} device-days: {byKind.Values.Sum() / days:F2} alarms per device-day (target ≤ 1): {string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}"))}"));
    }

    public static void PrintInjected(IReadOnlyList<SensorSeries> series, FaultDetectorSettings settings, double size, int seeds)
    {
        var tally = Kinds.ToDictionary(k => k, _ => new Tally());
        double days = 0;
        var falseAlarms = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var random = new Random(seed);
            foreach (var clean in series)
            {
                var interval = clean.Span / (clean.Length - 1);
                var perDay = (int)(TimeSpan.FromDays(1) / interval);
                var plans = FaultInjector.RandomPlans(random, clean, skip: perDay, spacing: perDay / 2, size, Kinds);
                var (faulty, truth) = FaultInjector.Inject(clean, plans);
                var detections = FaultEvaluation.Detect(faulty, settings);
                days += clean.Span.TotalDays - 1;
                foreach (var fault in truth)
                {
                    tally[fault.Kind].Add(fault, FaultEvaluation.Match(fault, detections, interval));
                }
                foreach (var detection in detections)
                {
                    var wrong = FaultEvaluation.IsFalseAlarm(detection, truth, interval);
                    tally[detection.Kind].Raised(wrong);
                    falseAlarms += wrong ? 1 : 0;
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nInjected faults of {size}× the noise, two a device-day; false alarms {falseAlarms / days:F2} per device-day (target ≤ 1)"));
        Console.WriteLine("  kind        faults  recall (target ≥ 95 %)  named right  precision  median delay  p90 delay");
        foreach (var (kind, t) in tally)
        {
            Console.WriteLine(t.Line(kind));
        }
    }

    private sealed class Tally
    {
        private readonly List<double> _delays = [];
        private int _faults;
        private int _named;
        private int _raised;
        private int _wrong;

        public void Add(InjectedFault fault, Detection? detection)
        {
            _faults++;
            if (detection is not null)
            {
                _delays.Add((detection.At - fault.Start).TotalMinutes);
                _named += detection.Kind == fault.Kind ? 1 : 0;
            }
        }

        public void Raised(bool wrong)
        {
            _raised++;
            _wrong += wrong ? 1 : 0;
        }

        public string Line(FaultKind kind)
        {
            _delays.Sort();
            var median = _delays.Count == 0 ? double.NaN : _delays[_delays.Count / 2];
            var p90 = _delays.Count == 0 ? double.NaN : _delays[(int)(0.9 * (_delays.Count - 1))];
            return string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-10}  {_faults,6}  {_delays.Count / (double)_faults,8:P1}                {_named / (double)Math.Max(1, _delays.Count),8:P0}  {(_raised - _wrong) / (double)Math.Max(1, _raised),9:P0}  {median,8:F0} min  {p90,6:F0} min");
        }
    }
}
