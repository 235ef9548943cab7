namespace DigitalTwin.Core.Telemetry;

/// <summary>One timestamped set of metric values reported by a device.</summary>
/// <param name="Timestamp">Device time when given (<c>ts</c>), else the time the message arrived.</param>
/// <param name="ReceivedAt">Server time the message arrived.</param>
[GenerateSerializer, Immutable]
public sealed record TelemetryReading(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] IReadOnlyList<MetricValue> Metrics);

[GenerateSerializer, Immutable]
public readonly record struct MetricValue(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value);
