namespace DigitalTwin.Core.History;

/// <summary>One metric of one device. Samples refer to it by integer id, which keeps the hot insert path and the index small.</summary>
public sealed class TelemetrySeries
{
    public int Id { get; set; }

    public required string DeviceId { get; set; }

    public required string Metric { get; set; }
}

/// <summary>One stored value. Keyed by (series, device timestamp), so a repeated sample is stored once.</summary>
public sealed class TelemetrySample
{
    public int SeriesId { get; set; }

    /// <summary>Device time in Unix milliseconds.</summary>
    public long Timestamp { get; set; }

    public double Value { get; set; }
}
