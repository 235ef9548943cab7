namespace DigitalTwin.Core.Twins.Faults;

/// <summary>The ways a sensor goes wrong that the <see cref="FaultDetector"/> tells apart.</summary>
public enum FaultKind
{
    /// <summary>One reading far from the prediction, the next back near it.</summary>
    Spike,

    /// <summary>A bias that grows slowly: half hours keep straying the same way from the course earlier days took.</summary>
    Drift,

    /// <summary>The same value again and again where the sensor's noise says it should change.</summary>
    Stuck,

    /// <summary>Readings missing for several of the device's usual intervals.</summary>
    Dropout,

    /// <summary>A jump to a new level faster than the room's observed dynamics allow, which then stays.</summary>
    FastChange,
}

/// <summary>A fault the detector sees now: what, since when, and a one-line reason for people ("Stuck value: 21.3 for 40 min").</summary>
public sealed record FaultVerdict(FaultKind Kind, DateTimeOffset Since, DateTimeOffset At, double Value, double Score, string Reason);
