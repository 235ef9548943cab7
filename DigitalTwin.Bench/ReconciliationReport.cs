using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Bench.CalendarReport;

namespace DigitalTwin.Bench;

/// <summary>
/// Issue 13's "reconcile districts with their province": auto's 합계 forecasts scaled so that the members of a
/// parent add up to the parent's own forecast — its 합계 × its month-on-month ratio, which is the sum of its
/// members' peer forecasts — fully or halfway, each scored against the peer per target month.
/// </summary>
internal static class ReconciliationReport
{
    /// <summary>One forecast of a member of <paramref name="Parent"/> made at <paramref name="Origin"/>.</summary>
    public readonly record struct Forecast(string Parent, YearMonth Origin, YearMonth Target, double Auto, double Peer, double Actual);

    /// <summary>District rows of auto for 합계 with the peer's row for the same district, cutoff and month; the parent is the province.</summary>
    public static List<Forecast> FromDistricts(IReadOnlyDictionary<string, List<(YearMonth Cutoff, string Type, ForecastRow Row)>> rows)
    {
        var peers = CalendarReport.Peers(rows);
        return [.. rows[ForecastModels.Auto]
            .Where(r => r.Type == ContractTypes.Total && r.Row is { Forecast: > 0, Actual: > 0 })
            .Select(r => (Auto: r, Peer: peers.GetValueOrDefault((r.Cutoff, r.Type, r.Row.District, r.Row.Target))))
            .Where(p => p.Peer is not null)
            .Select(p => new Forecast(
                p.Auto.Row.District.Sido, p.Auto.Cutoff, p.Auto.Row.Target, p.Auto.Row.Forecast!.Value, p.Peer!.Forecast!.Value, p.Auto.Row.Actual!.Value))];
    }

    /// <summary>Provinces forecast as districts, 합계 one month ahead; the parent is the nation.</summary>
    public static List<Forecast> FromProvinces(IEnumerable<CalendarOutcome> outcomes) => [.. outcomes
        .Where(o => o.ContractType == ContractTypes.Total && o.Steps == 1 && o.Peer is not null && o.Actual > 0)
        .Select(o => new Forecast("nation", o.Origin, o.Target, o.Auto, o.Peer!.Value, o.Actual))];

    public static void Print(string title, IReadOnlyCollection<Forecast> forecasts)
    {
        var scored = forecasts.GroupBy(f => (f.Parent, f.Origin, f.Target))
            .SelectMany(parent =>
            {
                var factor = parent.Sum(f => f.Peer) / parent.Sum(f => f.Auto);
                return parent.Select(f => (f.Target.Month, f.Target.Year, Auto: Ape(f.Auto, f.Actual), Full: Ape(f.Auto * factor, f.Actual),
                    Halfway: Ape(f.Auto * (1 + factor) / 2, f.Actual), Peer: Ape(f.Peer, f.Actual)));
            })
            .ToList();
        Console.WriteLine($"  {title}");
        Console.WriteLine("  | target month (each, all, then each year's) | forecasts | auto ÷ peer | reconciled ÷ peer | halfway ÷ peer |");
        Console.WriteLine("  |---|---|---|---|---|");
        var byMonth = scored.GroupBy(s => s.Month).OrderBy(g => g.Key).Select(g => (Key: g.Key.ToString(CultureInfo.InvariantCulture), Rows: g.ToList()));
        var byYearMonth = scored.GroupBy(s => new YearMonth(s.Year, s.Month)).OrderBy(g => g.Key).Select(g => (Key: g.Key.ToString(), Rows: g.ToList()));
        foreach (var (key, rows) in byMonth.Append(("all", scored)).Concat(byYearMonth))
        {
            var peer = rows.Average(s => s.Peer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {key} | {rows.Count:N0} | {rows.Average(s => s.Auto) / peer:0.00} | {rows.Average(s => s.Full) / peer:0.00} | {rows.Average(s => s.Halfway) / peer:0.00} |"));
        }
    }
}
