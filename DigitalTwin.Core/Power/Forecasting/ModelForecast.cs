namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// What one model says for one series: a value per target month, or why it cannot forecast this series.
/// Models never throw for short or gappy history; "not applicable" is an ordinary answer.
/// </summary>
public sealed record ModelForecast(string Model, IReadOnlyList<double>? Values, string Reason)
{
    public bool IsApplicable => Values is not null;

    public static ModelForecast Ok(string model, IReadOnlyList<double> values, string reason) => new(model, values, reason);

    public static ModelForecast NotApplicable(string model, string reason) => new(model, null, $"not applicable: {reason}");
}
