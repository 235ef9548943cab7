using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Latest value per metric (by device timestamp), last-seen time and online status of one device, with why and
/// since when. Hot telemetry is not grain state: on activation the twin starts from the newest values in history
/// and the status on the <see cref="DeviceStatusBoard"/>. Every change is published once, on the
/// <see cref="ITwinChangeFeed"/>; the board and the pages are its listeners.
/// </summary>
public sealed class TwinGrain(
    ITwinChangeFeed feed, HistoryStore history, DeviceDirectory directory, DeviceStatusBoard board, IOptions<TwinOptions> options, TimeProvider time)
    : Grain, ITwinGrain
{
    private Dictionary<string, TwinMetric> _metrics = [];
    private DateTimeOffset? _lastSeen;
    private DeviceStatus _status = DeviceStatus.Unknown;
    private StatusReason _reason;
    private DateTimeOffset? _since;
    private long _version;
    private TwinSnapshot? _snapshot;
    private IGrainTimer? _timer;
    private TimeSpan _timerOfflineAfter;

    private string DeviceId => this.GetPrimaryKeyString();

    /// <summary>The device's own timeout (edited in the registry at any time), else Twins:OfflineAfter.</summary>
    private TimeSpan OfflineAfter => directory.OfflineAfter(DeviceId) ?? options.Value.OfflineAfter;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _metrics = new Dictionary<string, TwinMetric>(await history.LatestAsync(DeviceId, cancellationToken));
        if (board.Has(DeviceId))
        {
            // Seeded at start or left by this twin's last activation: the status lists already show it.
            var entry = board.Get(DeviceId);
            (_status, _reason, _since, _lastSeen) = (entry.Status, entry.Reason, entry.Since, entry.LastSeen);
            // Counting on from the last activation's (here or on another instance), so listeners never take a new change for a stale one.
            _version = entry.Version;
        }
        else if (_metrics.Count > 0)
        {
            _lastSeen = _metrics.Values.Max(m => m.Timestamp);
            var silent = IsSilent(time.GetUtcNow());
            (_status, _reason, _since) = silent
                ? (DeviceStatus.Offline, StatusReason.NoData, _lastSeen + OfflineAfter)
                : (DeviceStatus.Online, StatusReason.DataReceived, _lastSeen);
            Changed();
        }
        _timerOfflineAfter = OfflineAfter;
        _timer = this.RegisterGrainTimer(CheckInactivity, new GrainTimerCreationOptions(CheckPeriod(_timerOfflineAfter), CheckPeriod(_timerOfflineAfter)) { Interleave = true });
    }

    public Task ReportAsync(TelemetryReading[] readings)
    {
        var received = DateTimeOffset.MinValue;
        foreach (var reading in readings)
        {
            foreach (var metric in reading.Metrics)
            {
                if (!_metrics.TryGetValue(metric.Name, out var current) || reading.Timestamp >= current.Timestamp)
                {
                    _metrics[metric.Name] = new TwinMetric(metric.Value, reading.Timestamp);
                }
            }
            if (_lastSeen is null || reading.ReceivedAt > _lastSeen)
            {
                _lastSeen = reading.ReceivedAt;
            }
            received = reading.ReceivedAt > received ? reading.ReceivedAt : received;
        }
        // Readings reach the twin through the queue, after a disconnect or an "offline" that followed them on the wire.
        if (_since is null || received > _since)
        {
            ChangeStatus(DeviceStatus.Online, StatusReason.DataReceived);
        }
        Changed();
        return Task.CompletedTask;
    }

    /// <remarks>
    /// The first cause of a change is kept (an "offline" status message followed by a clean disconnect reads
    /// "device reported offline"), except that a lost connection always says so: the broker publishes a device's
    /// last will just before it reports the lost connection.
    /// </remarks>
    public Task ReportStatusAsync(DeviceStatus status, StatusReason reason)
    {
        var now = time.GetUtcNow();
        // A connection or a status message is a sign of life, and restarts the inactivity timeout.
        if (status == DeviceStatus.Online && (_lastSeen is null || now > _lastSeen))
        {
            _lastSeen = now;
        }
        if (!ChangeStatus(status, reason) && reason == StatusReason.ConnectionLost && _reason != reason)
        {
            _reason = reason;
        }
        Changed();
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        _metrics = [];
        _lastSeen = null;
        (_status, _reason, _since) = (DeviceStatus.Unknown, StatusReason.None, null);
        Changed();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<TwinSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private bool ChangeStatus(DeviceStatus status, StatusReason reason)
    {
        if (_status == status)
        {
            return false;
        }
        (_status, _reason, _since) = (status, reason, time.GetUtcNow());
        return true;
    }

    private Task CheckInactivity(CancellationToken cancellationToken)
    {
        var offlineAfter = OfflineAfter;
        if (offlineAfter != _timerOfflineAfter)
        {
            // Edited in the registry: check as often as the new timeout needs.
            _timerOfflineAfter = offlineAfter;
            _timer?.Change(CheckPeriod(offlineAfter), CheckPeriod(offlineAfter));
        }
        if (_status == DeviceStatus.Online && IsSilent(time.GetUtcNow()))
        {
            ChangeStatus(DeviceStatus.Offline, StatusReason.NoData);
            Changed();
        }
        return Task.CompletedTask;
    }

    private static TimeSpan CheckPeriod(TimeSpan offlineAfter) =>
        offlineAfter / 4 < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : offlineAfter / 4;

    private bool IsSilent(DateTimeOffset now) => _lastSeen is null || now - _lastSeen > OfflineAfter;

    private void Changed()
    {
        _version++;
        _snapshot = null;
        feed.Publish(Snapshot());
    }

    private TwinSnapshot Snapshot() =>
        _snapshot ??= new TwinSnapshot(DeviceId, _status, _lastSeen, new Dictionary<string, TwinMetric>(_metrics), _version, _reason, _since, OfflineAfter);
}
