namespace DigitalTwin.Core.Twins.Model;

/// <summary>One forecast step: the expected reading and a 90 % interval around it.</summary>
public readonly record struct ForecastPoint(DateTimeOffset Time, double Value, double Lower, double Upper);

/// <summary>A model that learns a series step by step and forecasts from any point it has reached: what the
/// forecaster serves and the backtest replays, so both judge the same code.</summary>
public interface IRoomForecastModel
{
    /// <summary>"room-rc" or "daily-profile".</summary>
    string Kind { get; }

    /// <summary>Learns step <paramref name="index"/> of <paramref name="series"/>; steps arrive in order.</summary>
    void Observe(RoomSeries series, int index);

    /// <summary>The next <paramref name="steps"/> steps after <paramref name="origin"/> (the last step observed),
    /// every <paramref name="stride"/>-th one returned; null while the model cannot forecast yet.</summary>
    IReadOnlyList<ForecastPoint>? Forecast(RoomSeries series, int origin, int steps, int stride);
}

/// <summary>The daily-profile fallback behind <see cref="IRoomForecastModel"/>.</summary>
public sealed class DailyProfileForecaster(TimeSpan step) : IRoomForecastModel
{
    // Two-sided 90 % of a normal distribution.
    private const double Z90 = 1.645;

    public DailyProfileModel Model { get; } = new(step);

    public string Kind => "daily-profile";

    public void Observe(RoomSeries series, int index) => Model.Observe(series.TimeAt(index), series.Values[index]);

    public IReadOnlyList<ForecastPoint>? Forecast(RoomSeries series, int origin, int steps, int stride)
    {
        if (Model.Samples < 3)
        {
            return null;
        }
        var points = new List<ForecastPoint>();
        for (var k = stride; k <= steps; k += stride)
        {
            var (value, sigma) = Model.Forecast(series.TimeAt(origin), k);
            points.Add(new ForecastPoint(series.TimeAt(origin + k), value, value - (Z90 * sigma), value + (Z90 * sigma)));
        }
        return points;
    }
}
