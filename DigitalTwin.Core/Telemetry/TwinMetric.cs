namespace DigitalTwin.Core.Telemetry;

/// <summary>The latest value of one metric and the device time it was measured.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TwinMetric(
    [property: Id(0)] double Value,
    [property: Id(1)] DateTimeOffset Timestamp);
