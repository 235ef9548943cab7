namespace DigitalTwin.Core.Twins.Model;

/// <summary>A device metric's fitted model: what it learned from the window of history, and how it scored.</summary>
/// <param name="Room">The RC room, for kind "room-rc".</param>
/// <param name="Thermostat">The heater's thermostat as read off the history, when the device reports a heater.</param>
/// <param name="Profile">The level and daily swing, for kind "daily-profile".</param>
public sealed record RoomModelFit(
    string DeviceId,
    string Metric,
    string Kind,
    TimeSpan Step,
    DateTimeOffset From,
    DateTimeOffset To,
    int Samples,
    RoomParameters? Room,
    Thermostat? Thermostat,
    DailyProfileSummary? Profile,
    BacktestScore? Backtest)
{
    internal IRoomForecastModel Model { get; init; } = null!;

    internal RoomSeries Series { get; init; } = null!;

    internal int Origin { get; init; }
}

/// <summary>What the daily-profile fallback learned: the level, half its daily swing, how long an anomaly lasts, and the spread.</summary>
public sealed record DailyProfileSummary(double Level, double DailyAmplitude, double Persistence, double AnomalySigma);
