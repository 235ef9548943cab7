using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Twins;

/// <summary>
/// Latest value per metric (by device timestamp), last-seen time and online status of one device.
/// Hot telemetry is not grain state: on activation the twin starts from the newest values in history.
/// </summary>
public sealed class TwinGrain(ITwinChangeFeed feed, HistoryStore history, IOptions<TwinOptions> options, TimeProvider time)
    : Grain, ITwinGrain
{
    private readonly TimeSpan _offlineAfter = options.Value.OfflineAfter;
    private Dictionary<string, TwinMetric> _metrics = [];
    private DateTimeOffset? _lastSeen;
    private DeviceStatus _status = DeviceStatus.Unknown;
    private long _version;
    private TwinSnapshot? _snapshot;

    private string DeviceId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _metrics = new Dictionary<string, TwinMetric>(await history.LatestAsync(DeviceId, cancellationToken));
        if (_metrics.Count > 0)
        {
            _lastSeen = _metrics.Values.Max(m => m.Timestamp);
            _status = IsSilent(time.GetUtcNow()) ? DeviceStatus.Offline : DeviceStatus.Online;
        }
        var period = _offlineAfter / 4 < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : _offlineAfter / 4;
        this.RegisterGrainTimer(CheckInactivity, new GrainTimerCreationOptions(period, period) { Interleave = true });
    }

    public Task ReportAsync(TelemetryReading[] readings)
    {
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
        }
        _status = DeviceStatus.Online;
        Changed();
        return Task.CompletedTask;
    }

    public Task<TwinSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private Task CheckInactivity(CancellationToken cancellationToken)
    {
        if (_status == DeviceStatus.Online && IsSilent(time.GetUtcNow()))
        {
            _status = DeviceStatus.Offline;
            Changed();
        }
        return Task.CompletedTask;
    }

    private bool IsSilent(DateTimeOffset now) => _lastSeen is null || now - _lastSeen > _offlineAfter;

    private void Changed()
    {
        _version++;
        _snapshot = null;
        // The snapshot copies the metrics: under ingest load most twins have no page open on them.
        if (feed.HasListeners(DeviceId))
        {
            feed.Publish(Snapshot());
        }
    }

    private TwinSnapshot Snapshot() =>
        _snapshot ??= new TwinSnapshot(DeviceId, _status, _lastSeen, new Dictionary<string, TwinMetric>(_metrics), _version);
}
