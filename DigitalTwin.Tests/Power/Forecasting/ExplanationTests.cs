using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class ExplanationTests
{
    private static readonly YearMonth Target = new(2024, 4);

    [Fact]
    public void Pearson_KnownPairs_MatchesTheTextbookValue() =>
        Assert.Equal(0.7745966692, Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 9);

    [Fact]
    public void Spearman_TiedValues_UsesMeanRanks()
    {
        // Ranks of y with ties: 1, 2.5, 4.5, 2.5, 4.5; against 1..5 that gives 7 / √90.
        Assert.Equal([1, 2.5, 4.5, 2.5, 4.5], Correlation.Ranks([2, 4, 5, 4, 5]));
        Assert.Equal(7 / Math.Sqrt(90), Correlation.Spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 12);
    }

    [Fact]
    public void Spearman_MonotoneButCurved_IsOneWherePearsonIsNot()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        var y = x.Select(v => Math.Exp(2 * v)).ToArray();

        Assert.Equal(1, Correlation.Spearman(x, y), 12);
        Assert.True(Correlation.Pearson(x, y) < 0.9);
    }

    [Fact]
    public void Pearson_NoSpread_IsNaN() => Assert.True(double.IsNaN(Correlation.Pearson([1, 2, 3], [4, 4, 4])));

    [Fact]
    public void Explain_LargestErrorsInIndustrialDistricts_SummaryStatesTheNumbers()
    {
        // Two industrial districts (70 % 산업용) missed by 30 % and 20 %; eight others (20 %) by 1–8 %.
        var (rows, traits) = Districts(
            (0.7, 5_000, 300), (0.7, 3_000, 200),
            (0.2, 1_000, 10), (0.2, 2_000, 20), (0.2, 4_000, 30), (0.2, 6_000, 40), (0.2, 7_000, 50), (0.2, 8_000, 60), (0.2, 9_000, 70), (0.2, 10_000, 80));

        var explanation = SurpriseExplanation.Explain(rows, traits, top: 2);

        Assert.Equal(0.7, explanation.TopIndustrialShare, 12);
        Assert.Equal(0.2, explanation.OtherIndustrialShare, 12);
        Assert.Equal(4_000, explanation.TopMeanKwh, 9);
        Assert.Equal(47_000 / 8.0, explanation.OtherMeanKwh, 9);
        var pct = rows.Select(r => r.PctError!.Value).ToList();
        var shareR = Correlation.Pearson(pct, [.. rows.Select(r => traits[r.District].IndustrialShare!.Value)]);
        var sizeR = Correlation.Pearson(pct, [.. rows.Select(r => traits[r.District].MeanMonthlyKwh!.Value)]);
        Assert.True(shareR > 0.9 && Math.Abs(sizeR) < shareR, $"{shareR} {sizeR}");
        Assert.StartsWith(
            "The 2 largest errors are in districts where industry uses 70 % of the power on average, against 20 % elsewhere, and that use 0.7× as much power in a month.",
            explanation.Summary, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"(r = {shareR:0.00}, ρ = {explanation.ShareRho:0.00}) more than with size (r = {sizeR:0.00}"), explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(2, explanation.Points.Count(p => p.Top));
        Assert.All(explanation.Points.Where(p => p.Top), p => Assert.Equal(0.7, p.IndustrialShare));
    }

    [Fact]
    public void Explain_NoActuals_SaysTheActualsAreMissing()
    {
        var (rows, traits) = Districts((0.5, 1_000, 10), (0.5, 1_000, 10), (0.5, 1_000, 10), (0.5, 1_000, 10), (0.5, 1_000, 10), (0.5, 1_000, 10));
        var future = rows.Select(r => r with { Actual = null }).ToList();

        var explanation = SurpriseExplanation.Explain(future, traits, top: 2);

        Assert.Equal(0, explanation.Scored);
        Assert.Equal("No actuals yet for 2024-04: the errors, and what explains them, need the real values.", explanation.Summary);
    }

    /// <summary>A district per (industrial share, size, error): actual 1,000 kWh, forecast 1,000 + error.</summary>
    private static (List<ForecastRow> Rows, Dictionary<District, DistrictTraits> Traits) Districts(params (double Share, double Size, double Error)[] districts)
    {
        var rows = districts.Select((d, i) => new ForecastRow(new District("경상북도", $"시{i:00}"), Target, 1_000 + d.Error, 900, 1_400, "naive", ForecastReason.Of("naive", Target), 1_000)).ToList();
        var traits = districts.Select((d, i) => (rows[i].District, Traits: new DistrictTraits(d.Share, d.Size))).ToDictionary(p => p.District, p => p.Traits);
        return (rows, traits);
    }
}
