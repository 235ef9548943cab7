using Microsoft.Extensions.Logging;

namespace DigitalTwin.Core.Telemetry;

public enum IngestSource
{
    Mqtt,
    Http,
}

public sealed record RejectRecord(DateTimeOffset At, IngestSource Source, string DeviceId, RejectReason Reason, string Detail);

/// <summary>
/// Logs a refused message once per burst (per reason, at most every <see cref="Quiet"/>), with how many
/// were not logged, so a misbehaving device cannot flood the log; keeps the latest refusals for the diagnostics page.
/// </summary>
public sealed partial class RejectLog(ILogger<RejectLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private const int RecentCapacity = 50;

    private readonly Lock _lock = new();
    private readonly Dictionary<RejectReason, (DateTimeOffset LoggedAt, int Suppressed)> _bursts = [];
    private readonly LinkedList<RejectRecord> _recent = new();

    public void Report(IngestSource source, string deviceId, RejectReason reason, string detail)
    {
        var now = time.GetUtcNow();
        int suppressed;
        lock (_lock)
        {
            _recent.AddFirst(new RejectRecord(now, source, deviceId, reason, detail));
            if (_recent.Count > RecentCapacity)
            {
                _recent.RemoveLast();
            }
            if (_bursts.TryGetValue(reason, out var burst) && now - burst.LoggedAt < Quiet)
            {
                _bursts[reason] = burst with { Suppressed = burst.Suppressed + 1 };
                return;
            }
            suppressed = burst.Suppressed;
            _bursts[reason] = (now, 0);
        }
        LogRejected(source, deviceId, reason, detail, suppressed);
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
