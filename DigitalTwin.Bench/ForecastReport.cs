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
    public static void Print(string title, IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows, Func<string, bool> include)
    {
        var naive = rows[ForecastModels.Naive]
            .Where(r => include(r.Type) && r.Row.Error is not null)
            .ToDictionary(r => (r.Cutoff, r.Type, r.Row.District, r.Row.Target), r => r.Row);
        Console.WriteLine($"  {title}");
        Console.WriteLine("  | model | rows | MAPE % | naive MAPE % | ratio | MAE MWh | naive MAE MWh | ratio | 90 % interval hit |");
        Console.WriteLine("  |---|---|---|---|---|---|---|---|---|");
        foreach (var (model, list) in rows)
        {
            var scored = list.Where(r => include(r.Type) && r.Row.Error is not null && r.Row.PctError is not null).ToList();
            var pairs = scored
                .Select(r => (Model: r.Row, Naive: naive.GetValueOrDefault((r.Cutoff, r.Type, r.Row.District, r.Row.Target))))
                .Where(p => p.Naive?.PctError is not null)
                .ToList();
            if (pairs.Count == 0)
            {
                Console.WriteLine($"  | {model} | 0 | – | – | – | – | – | – | – |");
                continue;
            }
            var mape = pairs.Average(p => p.Model.PctError!.Value);
            var naiveMape = pairs.Average(p => p.Naive!.PctError!.Value);
            var mae = pairs.Average(p => p.Model.AbsError!.Value) / 1000;
            var naiveMae = pairs.Average(p => p.Naive!.AbsError!.Value) / 1000;
            var hit = pairs.Count(p => p.Model.Lower <= p.Model.Actual && p.Model.Actual <= p.Model.Upper) / (double)pairs.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {model} | {pairs.Count:N0} | {mape:0.00} | {naiveMape:0.00} | {mape / naiveMape:0.00} | {mae:N0} | {naiveMae:N0} | {mae / naiveMae:0.00} | {hit:P0} |"));
        }
    }
}
