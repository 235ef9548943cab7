using System.Globalization;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>One scored row next to its district's traits: a dot of the error-vs-share scatter.</summary>
public sealed record SurprisePoint(District District, YearMonth Target, double AbsError, double PctError, double SignedPctError, double IndustrialShare, double MeanMonthlyKwh, bool Top);

/// <summary>
/// Why the largest errors happened where they did: the <see cref="Top"/> rows by absolute error against the
/// rest on industrial share and size, and how the percentage error correlates with each (a percentage, so
/// that size does not explain the error by mere scale).
/// </summary>
public sealed record SurpriseExplanation(
    int Top,
    int Scored,
    double TopIndustrialShare,
    double OtherIndustrialShare,
    double TopMeanKwh,
    double OtherMeanKwh,
    double ShareR,
    double ShareRho,
    double SizeR,
    double SizeRho,
    IReadOnlyList<SurprisePoint> Points,
    string Summary,
    SurpriseGap Gap = SurpriseGap.None)
{
    /// <summary>Fewer scored rows than this say nothing about a correlation.</summary>
    public const int MinScored = 5;

    public static SurpriseExplanation Explain(IReadOnlyList<ForecastRow> rows, IReadOnlyDictionary<District, DistrictTraits> traits, int top)
    {
        var points = rows
            .Where(r => r.Error is not null && r.PctError is not null)
            .Select(r => (Row: r, Traits: traits.GetValueOrDefault(r.District)))
            .Where(p => p.Traits is { IndustrialShare: not null, MeanMonthlyKwh: not null })
            .OrderByDescending(p => p.Row.AbsError)
            .Select((p, i) => new SurprisePoint(
                p.Row.District, p.Row.Target, p.Row.AbsError!.Value, p.Row.PctError!.Value, 100 * p.Row.Error!.Value / p.Row.Actual!.Value,
                p.Traits!.IndustrialShare!.Value, p.Traits.MeanMonthlyKwh!.Value, i < top))
            .ToList();
        if (points.Count < MinScored || top < 1 || top >= points.Count)
        {
            return Empty(rows, top, points);
        }
        var topPoints = points.Where(p => p.Top).ToList();
        var others = points.Where(p => !p.Top).ToList();
        var pct = points.Select(p => p.PctError).ToList();
        var shares = points.Select(p => p.IndustrialShare).ToList();
        var sizes = points.Select(p => p.MeanMonthlyKwh).ToList();
        var explanation = new SurpriseExplanation(
            top, points.Count,
            topPoints.Average(p => p.IndustrialShare), others.Average(p => p.IndustrialShare),
            topPoints.Average(p => p.MeanMonthlyKwh), others.Average(p => p.MeanMonthlyKwh),
            Correlation.Pearson(pct, shares), Correlation.Spearman(pct, shares),
            Correlation.Pearson(pct, sizes), Correlation.Spearman(pct, sizes),
            points, "");
        return explanation with { Summary = explanation.Describe() };
    }

    private static SurpriseExplanation Empty(IReadOnlyList<ForecastRow> rows, int top, List<SurprisePoint> points)
    {
        var gap = rows.Count == 0 ? SurpriseGap.NoForecast
            : rows.All(r => r.Actual is null) ? SurpriseGap.NoActuals
            : points.Count <= top ? SurpriseGap.TopTooLarge
            : SurpriseGap.TooFewScored;
        var summary = gap switch
        {
            SurpriseGap.NoForecast => "No district has a forecast for this request.",
            SurpriseGap.NoActuals => $"No actuals yet for {string.Join(", ", rows.Select(r => r.Target).Distinct().Order())}: the errors, and what explains them, need the real values.",
            SurpriseGap.TopTooLarge => $"Only {points.Count} district(s) have a forecast, an actual and a known industrial share; pick a smaller top N to compare the largest errors with the rest.",
            _ => $"Only {points.Count} district(s) have a forecast, an actual and a known industrial share: too few (< {MinScored}) to explain.",
        };
        return new SurpriseExplanation(top, points.Count, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, points, summary, gap);
    }

    /// <summary>Whether the error follows industrial share more (1) or less (−1) than size, or about as much (0: |r| within 0.05).</summary>
    public int ShareComparedToSize =>
        Math.Abs(Math.Abs(ShareR) - Math.Abs(SizeR)) < 0.05 ? 0 : Math.Abs(ShareR) > Math.Abs(SizeR) ? 1 : -1;

    /// <summary>The plain-words summary, built only from the numbers above.</summary>
    private string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var sizeRatio = TopMeanKwh / OtherMeanKwh;
        var comparison = ShareComparedToSize switch { 0 => "about as much as", > 0 => "more than", _ => "less than" };
        return string.Create(c,
            $"The {Top} largest errors are in districts where industry uses {100 * TopIndustrialShare:0} % of the power on average, against {100 * OtherIndustrialShare:0} % elsewhere, "
            + $"and that use {sizeRatio:0.0}× as much power in a month. "
            + $"The percentage error correlates with industrial share (r = {ShareR:0.00}, ρ = {ShareRho:0.00}) {comparison} with size (r = {SizeR:0.00}, ρ = {SizeRho:0.00}), "
            + $"over {Scored} scored forecasts.");
    }
}

/// <summary>Why a run has no explanation: nothing forecast, no actuals yet, a top N as large as the scored rows, or too few scored.</summary>
public enum SurpriseGap
{
    None,
    NoForecast,
    NoActuals,
    TopTooLarge,
    TooFewScored,
}
