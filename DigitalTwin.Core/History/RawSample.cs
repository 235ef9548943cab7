namespace DigitalTwin.Core.History;

/// <summary>One stored value as it was written: for exports.</summary>
public readonly record struct RawSample(long Timestamp, string Metric, double Value);
