namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Readings taken from the queue together, and the queue position of the last one: once the batch is through the
/// history writer, every QoS 1 publish up to that position may be acknowledged (<see cref="CommitTracker"/>).
/// </summary>
public sealed record TelemetryBatch(IReadOnlyList<TelemetryReading> Readings, long LastPosition);
