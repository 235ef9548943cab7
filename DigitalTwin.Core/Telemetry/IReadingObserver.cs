namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Sees every processed batch of readings (after parsing and validation), e.g. alert evaluation. Called on the
/// processor's path: it must be cheap, and may only wait for back-pressure of its own bounded queues.
/// </summary>
public interface IReadingObserver
{
    ValueTask ObserveAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken cancellationToken);
}
