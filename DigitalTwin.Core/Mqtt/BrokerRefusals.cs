using System.Diagnostics.Metrics;
using System.Net;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Mqtt;

/// <summary>
/// Counts the embedded broker's refusals per reason (digitaltwin.mqtt.connections.refused on /metrics), with gauges of
/// open and pending connections, and logs each reason once per burst.
/// </summary>
public sealed partial class BrokerRefusals : IDisposable
{
    public const string MeterName = "DigitalTwin.Mqtt";
    private static readonly BrokerRefusal[] Reasons = [.. Enum.GetValues<BrokerRefusal>().Where(r => r != BrokerRefusal.None)];

    private readonly Meter _meter = new(MeterName);
    private readonly long[] _counts = new long[Enum.GetValues<BrokerRefusal>().Length];
    private readonly BurstGate<BrokerRefusal> _bursts = new();
    private readonly ILogger<BrokerRefusals> _logger;
    private readonly TimeProvider _time;

    public BrokerRefusals(ConnectionGate gate, ILogger<BrokerRefusals> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        _meter.CreateObservableCounter("digitaltwin.mqtt.connections.refused", Observe, "{connection}",
            "Connections the embedded broker refused or closed before trusting them (or, MQTT 3.1.1, after a refused publish), by reason");
        _meter.CreateObservableGauge("digitaltwin.mqtt.connections.open", () => gate.Open, "{connection}", "Open connections to the embedded broker");
        _meter.CreateObservableGauge("digitaltwin.mqtt.connections.pending", () => gate.Pending, "{connection}", "Connections not yet accepted by CONNACK");
    }

    public long Count(BrokerRefusal reason) => Volatile.Read(ref _counts[(int)reason]);

    public void Report(BrokerRefusal reason, EndPoint? remote, string detail)
    {
        Interlocked.Increment(ref _counts[(int)reason]);
        if (_bursts.ShouldLog(reason, _time.GetUtcNow(), out var suppressed))
        {
            LogRefused(reason, remote?.ToString() ?? "?", detail, suppressed);
        }
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe() =>
        Reasons.Select(r => new Measurement<long>(Count(r), new KeyValuePair<string, object?>("reason", r.ToString())));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "MQTT broker refused {Remote}: {Reason}: {Detail} ({Suppressed} more refusals for this reason were not logged)")]
    private partial void LogRefused(BrokerRefusal reason, string remote, string detail, int suppressed);
}
