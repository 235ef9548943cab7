namespace DigitalTwin.Core.Telemetry;

/// <summary>Why a telemetry message was refused. Each reason is counted separately.</summary>
public enum RejectReason
{
    InvalidDeviceId,
    PayloadTooLarge,
    EmptyPayload,
    InvalidJson,
    NotAnObject,
    NoMetrics,
    NonNumericValue,
    NonFiniteValue,
    InvalidTimestamp,
    TimestampInFuture,
    TooManyReadings,
    InvalidMetricName,

    /// <summary>Not in the device registry, and Devices:AllowAutoRegistration is off.</summary>
    UnknownDevice,

    /// <summary>One reading names more metrics than Telemetry:MaxMetricsPerReading.</summary>
    TooManyMetrics,

    /// <summary>The message would give its device more distinct metrics than Telemetry:MaxMetricsPerDevice.</summary>
    TooManyDeviceMetrics,
}
