using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Bench.CalendarReport;

namespace DigitalTwin.Bench;

/// <summary>
/// How far any blend of auto's members could go on the provinces forecast as districts, 합계 one month ahead: per
/// target calendar month, each member alone (summed over the seven contract types), the one weight vector that
/// scores best on the very forecasts it is scored on (hindsight: no forecaster can choose it), and the same
/// bottom-up forecast with the nation's realized month-on-month ratio of each type (knowing the month's common
/// shock, which nobody can). Where even hindsight stays above 0.9 × the peer, no weighting of these members
/// meets issue 13's target in that month. Last, hindsight weights for each contract type apart (coordinate
/// descent, 14 free weights per month): what auto's per-type cells could reach if the other years taught them the
/// held-out year's best, and the same weights fitted on the other two years, which is what a learner can have.
/// </summary>
internal static class HindsightBound
{
    private const int GridSteps = 20;

    private static readonly string[] Blended = [ForecastModels.Naive, ForecastModels.ProvinceShape, ForecastModels.ProvinceRatio];

    /// <summary>One province, origin and target: the peer's 합계, each type's member forecasts, the realized-ratio sum, the actual.</summary>
    private sealed record Target(int Year, int Month, double Peer, double[][] Parts, double Realized, double Actual)
    {
        public double[] Members { get; } = [.. Enumerable.Range(0, Blended.Length).Select(m => Parts.Sum(p => p[m]))];

        public double BottomUp(double[][] weights) => Parts.Select((p, t) => Blend(weights[t], p)).Sum();
    }

    public static void Print(PowerHistory history, IReadOnlyCollection<CalendarReport.Score> auto)
    {
        var targets = Targets(history);
        var grid = Grid().ToList();
        Console.WriteLine($"  {ContractTypes.Total}, 1 month ahead: what blends of the members could reach (÷ peer MAPE, same forecasts)");
        Console.WriteLine($"  | target month | forecasts | auto | {string.Join(" | ", Blended.Select(m => $"{m} alone"))} | best blend in hindsight (weights) | knowing the month's national ratios | per-type weights in hindsight | the same fitted on the other years |");
        Console.WriteLine("  |---|---|---|---|---|---|---|---|---|---|");
        foreach (var month in targets.Select(t => t.Month).Distinct().Order())
        {
            var these = targets.Where(t => t.Month == month).ToList();
            var peer = these.Average(t => Ape(t.Peer, t.Actual));
            var mine = auto.Where(s => s.Month == month).ToList();
            var (best, weights) = grid.Select(w => (Mape: these.Average(t => Ape(Blend(w, t.Members), t.Actual)), w)).MinBy(p => p.Mape);
            double[] ratios =
            [
                mine.Average(s => s.AutoApe) / mine.Average(s => s.PeerApe),
                .. Blended.Select((_, m) => these.Average(t => Ape(t.Members[m], t.Actual)) / peer),
                best / peer,
                these.Average(t => Ape(t.Realized, t.Actual)) / peer,
                PerType(these, grid) / peer,
                LeaveYearOut(these, grid) / peer,
            ];
            var cells = ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)).ToList();
            cells[Blended.Length + 1] += $" ({string.Join(" / ", weights.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture)))})";
            Console.WriteLine($"  | {month} | {these.Count} | {string.Join(" | ", cells)} |");
        }
    }

    /// <summary>
    /// The district rolling origin, 합계 one month ahead, per target month of each year: auto and each member alone
    /// summed over the seven types, ÷ the peer. The 2023 targets are a district's held-out situation (no earlier year
    /// of the month, one to three months of its own history); the 2024 ones have last year's month.
    /// </summary>
    public static void PrintDistricts(IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows)
    {
        var sums = Blended.Append(ForecastModels.Auto).ToDictionary(m => m, m => rows[m]
            .Where(r => r.Type != ContractTypes.Total && r.Cutoff.MonthsUntil(r.Row.Target) == 1)
            .GroupBy(r => (r.Cutoff, r.Row.District, r.Row.Target))
            .Where(g => g.Count() == ContractTypes.Parts.Count && g.All(r => r.Row.Forecast is not null))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Row.Forecast!.Value)));
        var totals = CalendarReport.Peers(rows)
            .Where(p => p.Key.Type == ContractTypes.Total && p.Key.Cutoff.MonthsUntil(p.Key.Target) == 1)
            .Select(p => (p.Key.Cutoff, Row: p.Value))
            .Where(r => sums.Values.All(s => s.ContainsKey((r.Cutoff, r.Row.District, r.Row.Target))))
            .ToList();
        Console.WriteLine($"  district rolling origin, {ContractTypes.Total}, 1 month ahead: each member alone, summed over the types (÷ peer MAPE)");
        Console.WriteLine($"  | target | forecasts | {string.Join(" | ", sums.Keys)} |");
        Console.WriteLine($"  |---|---|{string.Concat(sums.Keys.Select(_ => "---|"))}");
        foreach (var target in totals.GroupBy(r => r.Row.Target).OrderBy(g => g.Key))
        {
            var peer = target.Average(r => r.Row.PctError!.Value);
            var ratios = sums.Values.Select(s => target.Average(r => Ape(s[(r.Cutoff, r.Row.District, r.Row.Target)], r.Row.Actual!.Value)) / peer);
            Console.WriteLine($"  | {target.Key} | {target.Count()} | {string.Join(" | ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }
    }

    private static List<Target> Targets(PowerHistory history)
    {
        var index = Blended.Select(m => CalendarEvaluation.Members.ToList().IndexOf(m)).ToArray();
        var peer = CalendarEvaluation.Members.ToList().IndexOf(ForecastModels.ProvinceRatio);
        var national = ContractTypes.Parts.ToDictionary(t => t, history.ProvinceSum);
        return [.. CalendarEvaluation.LeaveOneYearOutAsDistricts(history)
            .Where(s => s.Steps == 1)
            .GroupBy(s => (s.Sido, s.Origin, s.Target))
            .Select(g => (Total: g.FirstOrDefault(s => s.ContractType == ContractTypes.Total), Parts: g.Where(s => s.ContractType != ContractTypes.Total).ToList()))
            .Where(p => p.Total is { Actual: > 0 } total && double.IsFinite(total.Forecasts[peer]) && p.Parts.Count == ContractTypes.Parts.Count
                && p.Parts.All(s => index.All(m => double.IsFinite(s.Forecasts[m]))))
            .Select(p => new Target(
                p.Total!.Target.Year,
                p.Total.Target.Month,
                p.Total.Forecasts[peer],
                [.. p.Parts.OrderBy(s => ContractTypes.Parts.ToList().IndexOf(s.ContractType)).Select(s => index.Select(m => s.Forecasts[m]).ToArray())],
                p.Parts.Sum(s => s.Forecasts[index[0]] * Ratio(national[s.ContractType], s.Target)),
                p.Total.Actual))];
    }

    /// <summary>Each type's weights with the lowest 합계 MAPE found by trying them on the grid in turn, three rounds, from the ratio member alone.</summary>
    /// <summary>The same per-type weights fitted on the other years and scored on the held-out one: do they carry over?</summary>
    private static double LeaveYearOut(List<Target> targets, List<double[]> grid) => targets.GroupBy(t => t.Year)
        .SelectMany(year =>
        {
            var weights = Fit([.. targets.Where(t => t.Year != year.Key)], grid);
            return year.Select(t => Ape(t.BottomUp(weights), t.Actual));
        })
        .Average();

    private static double PerType(List<Target> targets, List<double[]> grid)
    {
        var weights = Fit(targets, grid);
        return targets.Average(t => Ape(t.BottomUp(weights), t.Actual));
    }

    private static double[][] Fit(List<Target> targets, List<double[]> grid)
    {
        var weights = ContractTypes.Parts.Select(_ => new double[] { 0, 0, 1 }).ToArray();
        double Mape() => targets.Average(t => Ape(t.BottomUp(weights), t.Actual));
        var best = Mape();
        for (var round = 0; round < 3; round++)
        {
            for (var type = 0; type < weights.Length; type++)
            {
                foreach (var candidate in grid)
                {
                    var kept = weights[type];
                    weights[type] = candidate;
                    var mape = Mape();
                    if (mape < best)
                    {
                        best = mape;
                    }
                    else
                    {
                        weights[type] = kept;
                    }
                }
            }
        }
        return weights;
    }

    /// <summary>The nation's realized month-on-month ratio into <paramref name="month"/>; 1 where it cannot be read.</summary>
    private static double Ratio(MonthlySeries nation, YearMonth month) =>
        nation.TryGet(month, out var now) && nation.TryGet(month.AddMonths(-1), out var before) && before > 0 && now > 0 ? now / before : 1;

    private static IEnumerable<double[]> Grid()
    {
        for (var a = 0; a <= GridSteps; a++)
        {
            for (var b = 0; a + b <= GridSteps; b++)
            {
                yield return [(double)a / GridSteps, (double)b / GridSteps, (double)(GridSteps - a - b) / GridSteps];
            }
        }
    }

    private static double Blend(double[] weights, double[] members) => weights.Select((w, m) => w * members[m]).Sum();
}
