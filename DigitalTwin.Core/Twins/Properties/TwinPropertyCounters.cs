using System.Diagnostics.Metrics;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>Reported-property messages refused, per reason, as a .NET Meter for /metrics (they are not telemetry, so not ingest's).</summary>
public sealed class TwinPropertyCounters : IDisposable
{
    public const string MeterName = "DigitalTwin.TwinProperties";
    private static readonly TwinPatchRefusal[] Reasons = Enum.GetValues<TwinPatchRefusal>();

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _refused = new long[Reasons.Length];

    public TwinPropertyCounters() =>
        _meter.CreateObservableCounter("digitaltwin.twins.reported.refused", () => Reasons.Select(r =>
            new Measurement<long>(Refusals(r), new KeyValuePair<string, object?>("reason", r.ToString()))), "{message}",
            "Reported-property messages refused, by reason");

    public void Refused(TwinPatchRefusal reason) => Interlocked.Increment(ref _refused[(int)reason]);

    public long Refusals(TwinPatchRefusal reason) => Volatile.Read(ref _refused[(int)reason]);

    public void Dispose() => _meter.Dispose();
}
