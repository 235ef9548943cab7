namespace DigitalTwin.Core.Telemetry;

/// <summary>Either the readings of a valid payload, or why it was refused.</summary>
public readonly record struct ParseResult(IReadOnlyList<TelemetryReading>? Readings, RejectReason? Reason, string? Detail)
{
    public bool IsValid => Readings is not null;

    public static ParseResult Ok(IReadOnlyList<TelemetryReading> readings) => new(readings, null, null);

    public static ParseResult Reject(RejectReason reason, string detail) => new(null, reason, detail);
}
