using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Bench;

/// <summary>
/// Per model: MAPE and MAE on the rows it forecast, and the naive forecast's on exactly those rows, so a model
/// that only applies to easy districts does not look better than it is.
/// </summary>
internal static class ForecastReport
{
    private static readonly string[] PerCutoffModels = [ForecastModels.Auto, ForecastModels.SeasonalNaive, ForecastModels.ProvinceShape, ForecastModels.Ml, ForecastModels.Ensemble];

    public static void Print(string title, IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows, Func<string, bool> include)
    {
        Console.WriteLine($"  {title}");
        Console.WriteLine("  | model | rows | MAPE % | naive MAPE % | ratio | MAE MWh | naive MAE MWh | ratio | 90 % interval hit |");
        Console.WriteLine("  |---|---|---|---|---|---|---|---|---|");
        foreach (var (model, list) in rows)
        {
            var pairs = Pairs(rows, list, include);
            if (pairs.Count == 0)
            {
                Console.WriteLine($"  | {model} | 0 | – | – | – | – | – | – | – |");
                continue;
            }
            var (mape, naiveMape, mae, naiveMae, hit) = Score(pairs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {model} | {pairs.Count:N0} | {mape:0.00} | {naiveMape:0.00} | {mape / naiveMape:0.00} | {mae / 1000:N0} | {naiveMae / 1000:N0} | {mae / naiveMae:0.00} | {Hit(hit)} |"));
        }
    }

    /// <summary>Each cutoff on its own: MAPE and MAE as ratios to naive on the same rows, interval hit rate, seconds for all types.</summary>
    public static void PrintPerCutoff(IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows, IReadOnlyDictionary<YearMonth, double> seconds)
    {
        Console.WriteLine("  per cutoff, all contract types: MAPE ratio / MAE ratio to naive / 90 % interval hit");
        Console.WriteLine($"  | cutoff | s (all models × types) | {string.Join(" | ", PerCutoffModels)} |");
        Console.WriteLine($"  |---|---|{string.Concat(PerCutoffModels.Select(_ => "---|"))}");
        foreach (var (cutoff, time) in seconds)
        {
            var cells = PerCutoffModels.Select(model =>
            {
                var pairs = Pairs(rows, rows[model], _ => true, cutoff);
                if (pairs.Count == 0)
                {
                    return "–";
                }
                var (mape, naiveMape, mae, naiveMae, hit) = Score(pairs);
                return string.Create(CultureInfo.InvariantCulture, $"{mape / naiveMape:0.00} / {mae / naiveMae:0.00} / {Hit(hit)}");
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  | {cutoff} | {time:0.00} | {string.Join(" | ", cells)} |"));
        }
    }

    private static List<(ForecastRow Model, ForecastRow Naive)> Pairs(
        IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows,
        List<(YearMonth Cutoff, string Type, ForecastRow Row)> list, Func<string, bool> include, YearMonth? only = null)
    {
        var naive = rows[ForecastModels.Naive]
            .Where(r => include(r.Type) && r.Row.PctError is not null && (only is null || r.Cutoff == only))
            .ToDictionary(r => (r.Cutoff, r.Type, r.Row.District, r.Row.Target), r => r.Row);
        return [.. list
            .Where(r => include(r.Type) && r.Row.PctError is not null && (only is null || r.Cutoff == only))
            .Select(r => (Model: r.Row, Naive: naive.GetValueOrDefault((r.Cutoff, r.Type, r.Row.District, r.Row.Target))))
            .Where(p => p.Naive is not null)
            .Select(p => (p.Model, p.Naive!))];
    }

    private static (double Mape, double NaiveMape, double Mae, double NaiveMae, double? Hit) Score(List<(ForecastRow Model, ForecastRow Naive)> pairs) => (
        pairs.Average(p => p.Model.PctError!.Value),
        pairs.Average(p => p.Naive.PctError!.Value),
        pairs.Average(p => p.Model.AbsError!.Value),
        pairs.Average(p => p.Naive.AbsError!.Value),
        pairs[0].Model.Lower is null ? null : pairs.Count(p => p.Model.Lower <= p.Model.Actual && p.Model.Actual <= p.Model.Upper) / (double)pairs.Count);

    private static string Hit(double? hit) => hit is { } h ? h.ToString("P0", CultureInfo.InvariantCulture) : "–";
}
