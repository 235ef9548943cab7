using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>A run as the page shows it: the top N rows by absolute error, the best model per metric, the explanation.</summary>
public sealed class ForecastView
{
    public ForecastView(ForecastRun run, int top)
    {
        Run = run;
        Top = top;
        Ranked = [.. run.Rows.OrderByDescending(r => r.AbsError ?? double.MinValue).ThenBy(r => r.District.Sido, StringComparer.Ordinal).ThenBy(r => r.District.Sigungu, StringComparer.Ordinal)];
        TopRows = [.. Ranked.Where(r => r.AbsError is not null).Take(top)];
        TopKeys = TopRows.Select(r => (r.District, r.Target)).ToHashSet();
        Best = ModelComparison.Best(run.Models);
        Explanation = run.Explain(top);
        TopDistricts = TopRows.Select(r => r.District).ToHashSet();
        // Over several months a district's map colour is its mean error across them.
        SignedPctErrors = run.Rows.Where(r => r.Error is not null && r.Actual is > 0)
            .GroupBy(r => r.District)
            .ToDictionary(g => g.Key, g => g.Average(r => 100 * r.Error!.Value / r.Actual!.Value));
        MissingActuals = [.. run.Rows.Where(r => r.Actual is null).Select(r => r.Target).Distinct().Order()];
    }

    public ForecastRun Run { get; }

    public int Top { get; }

    /// <summary>The rows by absolute error, largest first; rows without an actual last.</summary>
    public IReadOnlyList<ForecastRow> Ranked { get; }

    public IReadOnlyList<ForecastRow> TopRows { get; }

    public IReadOnlySet<(District District, YearMonth Target)> TopKeys { get; }

    public IReadOnlyDictionary<string, string> Best { get; }

    public IReadOnlyCollection<District> TopDistricts { get; }

    /// <summary>(forecast − actual) / actual in percent per district: the map's diverging colour.</summary>
    public IReadOnlyDictionary<District, double> SignedPctErrors { get; }

    public SurpriseExplanation Explanation { get; }

    /// <summary>Target months some district has no actual for yet (not imported, or not published).</summary>
    public IReadOnlyList<YearMonth> MissingActuals { get; }

    public bool HasActuals => Run.Overall.Count > 0;

    public bool IsTop(ForecastRow row) => TopKeys.Contains((row.District, row.Target));
}
