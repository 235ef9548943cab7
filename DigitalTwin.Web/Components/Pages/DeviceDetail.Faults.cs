using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Twins;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>
/// The device page's fault marks: where the fault detector, run over the points each chart draws, disagrees with the
/// readings. The live chart's temperature is re-judged every <see cref="MarkerRefresh"/> while readings arrive.
/// </summary>
public sealed partial class DeviceDetail
{
    private IReadOnlyList<FaultMark> _historyFaults = [];
    private IReadOnlyList<FaultMark> _liveFaults = [];
    private DateTimeOffset _liveFaultsAt;

    [Inject]
    public required FaultHistory FaultHistory { get; init; }

    /// <summary>Judges the averages the history chart has just read; only the detector's lead-in is read here.</summary>
    private async Task LoadHistoryFaultsAsync(HistoryBuckets shown) =>
        _historyFaults = await FaultHistory.ScanAsync(new HistoryQuery(DeviceId, _historyMetric, shown.From, shown.To, shown.Interval, Aggregation.Avg),
            shown.Interval, shown.Buckets.Select(b => new HistoryPoint(b.Time, b.Avg)), FaultDetectorSettings.Default);

    private async Task LoadLiveFaultsAsync(DateTimeOffset now)
    {
        _liveFaultsAt = now;
        _liveFaults = await FaultHistory.ScanAsync(
            new HistoryQuery(DeviceId, Temperature, now - LiveWindow, now, TimeSpan.FromSeconds(1), Aggregation.Last), FaultDetectorSettings.Default);
    }

    /// <summary>Re-judges the live window when it is due; true when the marks changed and need drawing.</summary>
    private async Task<bool> RefreshLiveFaultsAsync()
    {
        var now = Time.GetUtcNow();
        if (now - _liveFaultsAt < MarkerRefresh)
        {
            return false;
        }
        var before = _liveFaults;
        await LoadLiveFaultsAsync(now);
        return !before.SequenceEqual(_liveFaults);
    }

    /// <summary>Alerts and faults of the live chart; the faults are the temperature's, its first axis.</summary>
    private ChartAnnotations LiveMarkers(DateTimeOffset now) => FaultMarkers.Add(Markers(LiveMetrics, now - LiveWindow), _liveFaults, 0, L);

    private ChartAnnotations HistoryMarkers(DateTimeOffset from) => FaultMarkers.Add(Markers([_historyMetric], from), _historyFaults, 0, L);
}
