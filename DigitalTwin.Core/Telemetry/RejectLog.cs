using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Telemetry;

public enum IngestSource
{
    Mqtt,
    Http,
}

public sealed record RejectRecord(DateTimeOffset At, IngestSource Source, string DeviceId, RejectReason Reason, string Detail);

/// <summary>
/// Logs a refused message once per burst (per reason, see <see cref="BurstGate{TKey}"/>), with how many
/// were not logged, so a misbehaving device cannot flood the log; keeps the latest refusals for the diagnostics page.
/// </summary>
public sealed partial class RejectLog(ILogger<RejectLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Quiet = BurstGate<RejectReason>.Quiet;
    private const int RecentCapacity = 50;

    private readonly Lock _lock = new();
    private readonly BurstGate<RejectReason> _bursts = new();
    private readonly LinkedList<RejectRecord> _recent = new();

    public void Report(IngestSource source, string deviceId, RejectReason reason, string detail)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _recent.AddFirst(new RejectRecord(now, source, deviceId, reason, detail));
            if (_recent.Count > RecentCapacity)
            {
                _recent.RemoveLast();
            }
        }
        if (_bursts.ShouldLog(reason, now, out var suppressed))
        {
            LogRejected(source, deviceId, reason, detail, suppressed);
        }
    }

    public IReadOnlyList<RejectRecord> Recent()
    {
        lock (_lock)
        {
            return [.. _recent];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused telemetry over {Source} for device '{DeviceId}': {Reason}: {Detail} ({Suppressed} more refusals for this reason were not logged)")]
    private partial void LogRejected(IngestSource source, string deviceId, RejectReason reason, string detail, int suppressed);
}
