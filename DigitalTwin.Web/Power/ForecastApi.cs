using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Power;

/// <param name="Reason">Why, in English.</param>
/// <param name="ReasonCode">The reason's stable codes, outermost first ("requested/model/naive"); see <see cref="ForecastReasons"/>.</param>
public sealed record ForecastRowResponse(
    string Sido, string Sigungu, string Target, double? Forecast, double? Lower, double? Upper, double? Actual,
    double? Error, double? AbsError, double? PctError, string Model, string Reason, string ReasonCode);

/// <summary>Errors over the scored rows; null where there is nothing to score (JSON has no NaN).</summary>
public sealed record MetricsResponse(int Count, double? Mae, double? Mse, double? Rmse, double? Mape)
{
    public static MetricsResponse From(ForecastMetrics m) => new(m.Count, Finite(m.Mae), Finite(m.Mse), Finite(m.Rmse), Finite(m.Mape));

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <param name="BestAt">The metrics (MAE, MSE, RMSE, MAPE) on which this model wins among the comparable ones.</param>
/// <param name="Note">Why a model is not comparable, in English; <paramref name="NoteCode"/> its stable codes.</param>
public sealed record ModelScoreResponse(
    string Model, int Forecasts, MetricsResponse Metrics, bool Comparable, IReadOnlyList<string> BestAt, string? Note, string? NoteCode);

public sealed record SurprisePointResponse(string Sido, string Sigungu, string Target, double AbsError, double PctError, double SignedPctError, double IndustrialShare, double MeanMonthlyKwh, bool Top);

public sealed record ExplanationResponse(
    int Top, int Scored, double? TopIndustrialShare, double? OtherIndustrialShare, double? TopMeanKwh, double? OtherMeanKwh,
    double? ShareR, double? ShareRho, double? SizeR, double? SizeRho, string Summary, IReadOnlyList<SurprisePointResponse> Points);

public sealed record ForecastSummaryResponse(MetricsResponse Overall, IReadOnlyList<ModelScoreResponse> Models);

/// <summary>The comparison page's data: a row per district and target month, the error summary, and why.</summary>
public sealed record ForecastResponse(
    string Cutoff, int Horizon, string ContractType, string Model, IReadOnlyList<ForecastRowResponse> Rows, ForecastSummaryResponse Summary, ExplanationResponse Explanation);

public static class ForecastApi
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;

    public static async Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> Get(
        PowerQueries queries, ForecastCache forecasts, string? cutoff = null, string? horizon = null, string? contractType = null, string? model = null,
        string? top = null, CancellationToken cancellationToken = default)
    {
        var (request, problems) = ForecastQuery.Parse(cutoff, horizon, contractType, model, await queries.MonthsAsync(cancellationToken));
        var topN = DefaultTop;
        if (!string.IsNullOrWhiteSpace(top) && (!int.TryParse(top, out topN) || topN is < 1 or > MaxTop))
        {
            problems = [.. problems, $"top '{top}' must be a whole number from 1 to {MaxTop}."];
        }
        if (request is null || problems.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid forecast query", detail: string.Join(" ", problems));
        }
        var run = await forecasts.GetAsync(request, cancellationToken);
        return TypedResults.Ok(Response(run, run.Explain(topN)));
    }

    public static ForecastResponse Response(ForecastRun run, SurpriseExplanation explanation)
    {
        var best = ModelComparison.Best(run.Models);
        return new ForecastResponse(
            run.Request.Cutoff.ToString(), run.Request.Horizon, run.Request.ContractType, run.Request.Model,
            [.. run.Rows.Select(r => new ForecastRowResponse(
                r.District.Sido, r.District.Sigungu, r.Target.ToString(), r.Forecast, r.Lower, r.Upper, r.Actual, r.Error, r.AbsError, r.PctError, r.Model, r.Reason.ToString(), r.Reason.Path))],
            new ForecastSummaryResponse(
                MetricsResponse.From(run.Overall),
                [.. run.Models.Select(s => new ModelScoreResponse(
                    s.Model, s.Forecasts, MetricsResponse.From(s.Metrics), s.Comparable, [.. best.Where(b => b.Value == s.Model).Select(b => b.Key)], s.Note?.ToString(), s.Note?.Path))]),
            Explanation(explanation));
    }

    private static ExplanationResponse Explanation(SurpriseExplanation e) => new(
        e.Top, e.Scored, Finite(e.TopIndustrialShare), Finite(e.OtherIndustrialShare), Finite(e.TopMeanKwh), Finite(e.OtherMeanKwh),
        Finite(e.ShareR), Finite(e.ShareRho), Finite(e.SizeR), Finite(e.SizeRho), e.Summary,
        [.. e.Points.Select(p => new SurprisePointResponse(
            p.District.Sido, p.District.Sigungu, p.Target.ToString(), p.AbsError, p.PctError, p.SignedPctError, p.IndustrialShare, p.MeanMonthlyKwh, p.Top))]);

    private static double? Finite(double value) => MetricsResponse.Finite(value);
}
