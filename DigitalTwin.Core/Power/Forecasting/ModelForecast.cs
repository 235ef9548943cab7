namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// What one model says for one series: a value per target month, or why it cannot forecast this series.
/// Models never throw for short or gappy history; "not applicable" is an ordinary answer. A NaN value means
/// "no forecast for this one target" (seasonal naive has 2024-04 from 2023-04, but nothing for 2024-05).
/// </summary>
public sealed record ModelForecast(string Model, IReadOnlyList<double>? Values, ForecastReason Reason)
{
    public bool IsApplicable => Values is not null;

    /// <summary>A value for every target: what auto needs to pick a model for the whole horizon.</summary>
    public bool IsComplete => Values is not null && Values.All(double.IsFinite);

    public static ModelForecast Ok(string model, IReadOnlyList<double> values, ForecastReason reason) => new(model, values, reason);

    public static ModelForecast NotApplicable(string model, ForecastReason reason) => new(model, null, ForecastReason.Of("not-applicable", reason));
}
