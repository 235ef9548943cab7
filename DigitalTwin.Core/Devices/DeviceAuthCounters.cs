using System.Diagnostics.Metrics;

namespace DigitalTwin.Core.Devices;

/// <summary>Device connections, requests and publishes refused by authentication, per reason, as a .NET Meter for /metrics.</summary>
public sealed class DeviceAuthCounters : IDisposable
{
    public const string MeterName = "DigitalTwin.Devices";
    private static readonly CredentialRefusal[] Reasons = Enum.GetValues<CredentialRefusal>();

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _refused = new long[Reasons.Length];

    public DeviceAuthCounters() =>
        _meter.CreateObservableCounter("digitaltwin.devices.auth.refused", Observe, "{attempt}",
            "Device connections, requests and publishes refused by authentication, by reason");

    public void Refused(CredentialRefusal reason) => Interlocked.Increment(ref _refused[(int)reason]);

    public long Refusals(CredentialRefusal reason) => Volatile.Read(ref _refused[(int)reason]);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe() =>
        Reasons.Select(r => new Measurement<long>(Volatile.Read(ref _refused[(int)r]), new KeyValuePair<string, object?>("reason", r.ToString())));
}
