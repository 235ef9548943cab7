using System.Diagnostics;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Trace spans of the ingest path: one per batch the processor takes from the queue and one per history commit. A
/// span per batch, not per reading, so tracing costs little under load; with no listener (no OTLP endpoint set)
/// StartActivity returns null and costs nothing.
/// </summary>
public static class IngestTracing
{
    public const string SourceName = "DigitalTwin.Ingest";

    public const string BatchSpan = "ingest batch";

    public const string CommitSpan = "history commit";

    internal static readonly ActivitySource Source = new(SourceName);
}
