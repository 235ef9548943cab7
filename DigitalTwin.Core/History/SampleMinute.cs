namespace DigitalTwin.Core.History;

/// <summary>
/// One minute of one series, kept by the history writer in the transaction that writes its samples, so a chart of
/// days reads one row per minute instead of one per sample. Exactly what its samples give: a repeated (series,
/// timestamp) overwrites its sample and the minute is computed again from the samples.
/// </summary>
public sealed class SampleMinute
{
    public int SeriesId { get; set; }

    /// <summary>Start of the minute, Unix milliseconds (a multiple of 60,000).</summary>
    public long Minute { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    public double Sum { get; set; }

    public long Count { get; set; }

    /// <summary>Timestamp of the minute's newest sample: a later sample extends the minute, an earlier one recomputes it.</summary>
    public long LastTimestamp { get; set; }

    /// <summary>Value of the minute's newest sample.</summary>
    public double Last { get; set; }
}
