using DigitalTwin.Core.Twins.Model;

namespace DigitalTwin.Web.Twins;

/// <summary>A device metric's fitted model: kind, window, parameters with their meaning, and the backtest.</summary>
/// <param name="Kind">"room-rc" (fitted RC room) or "daily-profile" (the fallback).</param>
/// <param name="StepSeconds">The grid the model runs on: readings are averaged over this long.</param>
public sealed record RoomModelResponse(
    string DeviceId,
    string Metric,
    string Kind,
    string Explanation,
    double StepSeconds,
    DateTimeOffset From,
    DateTimeOffset To,
    int Samples,
    IReadOnlyList<ModelParameter> Parameters,
    BacktestScore? Backtest)
{
    public static RoomModelResponse Of(RoomModelFit fit) => new(fit.DeviceId, fit.Metric, fit.Kind, ModelExplanation.Summary(fit),
        fit.Step.TotalSeconds, fit.From, fit.To, fit.Samples, ModelExplanation.Parameters(fit), fit.Backtest);
}

/// <summary>The forecast: points after the newest reading, each with its 90 % interval, and the model behind them.</summary>
public sealed record RoomForecastResponse(string DeviceId, string Metric, TimeSpan Horizon, IReadOnlyList<ForecastPoint> Points, RoomModelResponse Model);
