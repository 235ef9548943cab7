namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// One district's forecast for one month. <see cref="Forecast"/> is null when the requested model does not
/// apply (then <see cref="Reason"/> says why). Errors are forecast − actual; <see cref="PctError"/> is
/// |error| / actual in percent, null when there is no positive actual.
/// </summary>
public sealed record ForecastRow(
    District District,
    YearMonth Target,
    double? Forecast,
    double? Lower,
    double? Upper,
    string Model,
    ForecastReason Reason,
    double? Actual)
{
    public double? Error => Forecast - Actual;

    public double? AbsError => Error is { } e ? Math.Abs(e) : null;

    public double? PctError => Actual is > 0 && AbsError is { } a ? 100 * a / Actual.Value : null;
}

/// <summary>Errors over the rows that have both a forecast and an actual; NaN when there are none.</summary>
public sealed record ForecastMetrics(int Count, double Mae, double Mse, double Rmse, double Mape)
{
    public static ForecastMetrics From(IEnumerable<ForecastRow> rows)
    {
        var scored = rows.Where(r => r.Error is not null).ToList();
        if (scored.Count == 0)
        {
            return new ForecastMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var mse = scored.Average(r => r.Error!.Value * r.Error.Value);
        var pct = scored.Where(r => r.PctError is not null).Select(r => r.PctError!.Value).ToList();
        return new ForecastMetrics(scored.Count, scored.Average(r => r.AbsError!.Value), mse, Math.Sqrt(mse), pct.Count > 0 ? pct.Average() : double.NaN);
    }
}

/// <summary>
/// The result of a <see cref="ForecastRequest"/>: a row per district and target month, error summaries of the
/// requested model's rows, every model's own rows (<see cref="ModelRows"/>) and scores on the same rows
/// (<see cref="Models"/>), and each district's traits for <see cref="Explain"/>.
/// </summary>
public sealed record ForecastRun(
    ForecastRequest Request,
    IReadOnlyList<ForecastRow> Rows,
    ForecastMetrics Overall,
    IReadOnlyDictionary<string, ForecastMetrics> PerModel,
    IReadOnlyList<ModelScore> Models,
    IReadOnlyDictionary<string, List<ForecastRow>> ModelRows,
    IReadOnlyDictionary<District, DistrictTraits> Traits)
{
    /// <summary>Share of the truth the [Lower, Upper] intervals aim to contain.</summary>
    public const double NominalCoverage = 0.9;

    public static ForecastRun From(
        ForecastRequest request, IReadOnlyList<ForecastRow> rows, IReadOnlyDictionary<string, List<ForecastRow>> modelRows, IReadOnlyDictionary<District, DistrictTraits> traits) => new(
        request,
        rows,
        ForecastMetrics.From(rows),
        rows.Where(r => r.Forecast is not null).GroupBy(r => r.Model).ToDictionary(g => g.Key, g => ForecastMetrics.From(g)),
        ModelComparison.Compare(modelRows),
        modelRows,
        traits);

    public SurpriseExplanation Explain(int top) => SurpriseExplanation.Explain(Rows, Traits, top);
}
