using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Bench;

/// <summary>
/// Issue 13's targets beside the figures: auto's MAPE against its peer's (<see cref="ForecastModels.ProvinceRatio"/>)
/// on the same forecasts, per target calendar month, and the 90 % intervals' coverage and median width.
/// </summary>
internal static class CalendarReport
{
    public const double TargetRatio = 0.9;
    public const double MinCoverage = 0.85;
    public const double MaxCoverage = 0.95;

    /// <summary>One scored forecast: auto's and the peer's absolute % errors, whether the interval held the actual, its relative width.</summary>
    public readonly record struct Score(int Month, int Steps, double AutoApe, double PeerApe, bool Covered, double Width);

    public static void PrintByMonth(string title, IReadOnlyCollection<Score> scores)
    {
        Console.WriteLine($"  {title}");
        Console.WriteLine($"  | target month | forecasts | auto MAPE % | peer MAPE % | ratio | ≤ {TargetRatio:0.0}? | 90 % covered | in {MinCoverage:P0}–{MaxCoverage:P0}? | median width |");
        Console.WriteLine("  |---|---|---|---|---|---|---|---|---|");
        foreach (var month in scores.Select(s => s.Month).Distinct().Order())
        {
            Console.WriteLine($"  | {month} | {Cells(scores.Where(s => s.Month == month).ToList())} |");
        }
        Console.WriteLine($"  | all | {Cells([.. scores])} |");
        Console.WriteLine(Verdict(scores, s => s.Month, "calendar months"));
    }

    public static void PrintByHorizon(string title, IReadOnlyCollection<Score> scores)
    {
        Console.WriteLine($"  {title}");
        Console.WriteLine($"  | months ahead | forecasts | auto MAPE % | peer MAPE % | ratio | ≤ {TargetRatio:0.0}? | 90 % covered | in {MinCoverage:P0}–{MaxCoverage:P0}? | median width | worst month ratio | months covered {MinCoverage:P0}–{MaxCoverage:P0} |");
        Console.WriteLine("  |---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var steps in scores.Select(s => s.Steps).Distinct().Order())
        {
            var these = scores.Where(s => s.Steps == steps).ToList();
            var months = these.GroupBy(s => s.Month).Select(g => (Ratio: g.Average(s => s.AutoApe) / g.Average(s => s.PeerApe), Coverage: g.Average(s => s.Covered ? 1.0 : 0))).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {steps} | {Cells(these)} | {months.Max(m => m.Ratio):0.00} | {months.Count(m => m.Coverage is >= MinCoverage and <= MaxCoverage)} of {months.Count} |"));
        }
    }

    private static string Cells(List<Score> scores)
    {
        var auto = scores.Average(s => s.AutoApe);
        var peer = scores.Average(s => s.PeerApe);
        var coverage = scores.Average(s => s.Covered ? 1.0 : 0);
        var widths = scores.Select(s => s.Width).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{scores.Count:N0} | {auto:0.00} | {peer:0.00} | {auto / peer:0.00} | {Mark(auto <= TargetRatio * peer)} | {coverage:P1} | {Mark(coverage is >= MinCoverage and <= MaxCoverage)} | {widths[widths.Count / 2]:P1}");
    }

    private static string Mark(bool met) => met ? "✔" : "✘";

    private static string Verdict(IReadOnlyCollection<Score> scores, Func<Score, int> key, string what)
    {
        var groups = scores.GroupBy(key).ToList();
        var beat = groups.Count(g => g.Average(s => s.AutoApe) <= TargetRatio * g.Average(s => s.PeerApe));
        var covered = groups.Count(g => g.Average(s => s.Covered ? 1.0 : 0) is >= MinCoverage and <= MaxCoverage);
        return $"  target MAPE ≤ {TargetRatio:0.0} × peer: met in {beat} of {groups.Count} {what}; coverage {MinCoverage:P0}–{MaxCoverage:P0}: met in {covered} of {groups.Count}";
    }

    /// <summary>
    /// 90 % coverage of each target calendar month in each held-out year. Provinces share a month's weather and
    /// holidays, so a month of one year tends to be covered all or nothing; how many of these cells land in
    /// 85–95 % says how far a per-month coverage target can be promised from three years.
    /// </summary>
    public static void PrintCoverageByYear(string title, IReadOnlyCollection<CalendarOutcome> outcomes)
    {
        var years = outcomes.Select(o => o.Target.Year).Distinct().Order().ToList();
        Console.WriteLine($"  {title}");
        Console.WriteLine($"  | target month | {string.Join(" | ", years)} |");
        Console.WriteLine($"  |---|{string.Concat(years.Select(_ => "---|"))}");
        var cells = new List<double>();
        foreach (var month in outcomes.Select(o => o.Target.Month).Distinct().Order())
        {
            var row = years.Select(year => outcomes.Where(o => o.Target.Month == month && o.Target.Year == year).ToList())
                .Select(these => these.Count == 0 ? double.NaN : these.Average(o => o.Covered ? 1.0 : 0)).ToList();
            cells.AddRange(row.Where(double.IsFinite));
            Console.WriteLine($"  | {month} | {string.Join(" | ", row.Select(c => double.IsFinite(c) ? c.ToString("P0", CultureInfo.InvariantCulture) : "–"))} |");
        }
        Console.WriteLine($"  months × years: {cells.Count(c => c < MinCoverage)} below {MinCoverage:P0}, {cells.Count(c => c is >= MinCoverage and <= MaxCoverage)} in {MinCoverage:P0}–{MaxCoverage:P0}, {cells.Count(c => c > MaxCoverage)} above {MaxCoverage:P0} (of {cells.Count})");
    }

    /// <summary>The province evaluation's outcomes that have a peer forecast, as scores.</summary>
    public static List<Score> FromProvinces(IEnumerable<CalendarOutcome> outcomes, Func<CalendarOutcome, bool> include) => [.. outcomes
        .Where(o => o.PeerApe is not null && include(o))
        .Select(o => new Score(o.Target.Month, o.Steps, o.AutoApe, o.PeerApe!.Value, o.Covered, o.Width))];

    /// <summary>Absolute % error.</summary>
    public static double Ape(double forecast, double actual) => 100 * Math.Abs(forecast - actual) / actual;

    /// <summary>The peer's scored district rows by cutoff, contract type, district and target month.</summary>
    public static Dictionary<(YearMonth Cutoff, string Type, District District, YearMonth Target), ForecastRow> Peers(
        IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows) => rows[ForecastModels.ProvinceRatio]
        .Where(r => r.Row.PctError is not null)
        .ToDictionary(r => (r.Cutoff, r.Type, r.Row.District, r.Row.Target), r => r.Row);

    /// <summary>District rows of auto paired with the peer's row for the same district and month.</summary>
    public static List<Score> FromDistricts(
        IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows, Func<string, bool> include)
    {
        var peer = Peers(rows);
        return [.. rows[ForecastModels.Auto]
            .Where(r => include(r.Type) && r.Row.PctError is not null && r.Row.Lower is not null)
            .Where(r => peer.ContainsKey((r.Cutoff, r.Type, r.Row.District, r.Row.Target)))
            .Select(r => new Score(
                r.Row.Target.Month, r.Cutoff.MonthsUntil(r.Row.Target), r.Row.PctError!.Value, peer[(r.Cutoff, r.Type, r.Row.District, r.Row.Target)].PctError!.Value,
                r.Row.Lower <= r.Row.Actual && r.Row.Actual <= r.Row.Upper, (r.Row.Upper!.Value - r.Row.Lower!.Value) / r.Row.Forecast!.Value))];
    }
}
