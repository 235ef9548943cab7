using System.Collections.Concurrent;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;
using DigitalTwin.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>The device page's alerts: the open-alerts panel, and alert periods and thresholds drawn on both charts.</summary>
public sealed partial class DeviceDetail
{
    private static readonly TimeSpan MarkerRefresh = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<AlertChange> _alertChanges = new();
    private Dictionary<long, Alert> _openAlerts = [];
    private Dictionary<long, Alert> _markedAlerts = [];
    private IReadOnlyList<AlertRule> _alertRules = [];
    private ChartOptions _liveOptions = DeviceCharts.Live;
    private ChartOptions _historyOptions = DeviceCharts.History;
    private ApexChart? _historyChart;
    private DateTimeOffset _markersDrawnAt;

    [Inject]
    public required AlertQueryService Alerts { get; init; }

    [Inject]
    public required AlertRuleService AlertRules { get; init; }

    [Inject]
    public required AlertTargets AlertTargets { get; init; }

    /// <summary>
    /// Read when the history chart is (re)created after a load, not on every render; later marker changes go through
    /// <see cref="RedrawMarkersAsync"/>. The axis spans the whole chosen range, so a device with a few minutes of
    /// history is not stretched over days.
    /// </summary>
    private ChartOptions HistoryOptions(DateTimeOffset from, DateTimeOffset to, ChartAnnotations markers) => DeviceCharts.History with
    {
        XAxis = DeviceCharts.History.XAxis! with { Min = from.ToUnixTimeMilliseconds(), Max = to.ToUnixTimeMilliseconds() },
        Annotations = markers,
        NoData = new ChartNoData(L["DeviceDetail.NoHistory"]),
    };

    private DateTimeOffset HistoryFrom => Now - HistoryRanges[_historyRange];

    private IDisposable ListenToAlerts() => Alerts.Subscribe(change =>
    {
        if (change.Alert.DeviceId == DeviceId)
        {
            _alertChanges.Enqueue(change);
            Invalidate();
        }
    });

    private async Task LoadAlertsAsync()
    {
        var now = Time.GetUtcNow();
        var alerts = await Alerts.AlertsOfDeviceAsync(DeviceId, now - HistoryRanges.Values.Max(), now);
        _markedAlerts = alerts.ToDictionary(a => a.Id);
        var open = await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: DeviceId) { OpenOnly = true });
        _openAlerts = open.ToDictionary(a => a.Id);
        _alertRules = [.. (await AlertRules.ListRulesAsync()).Where(r => AlertTargets.Covers(r, DeviceId))];
        _liveOptions = DeviceCharts.LiveIn(L) with { Annotations = LiveMarkers(now) };
        _markersDrawnAt = now;
    }

    private async Task ReloadAlertsAsync()
    {
        await LoadAlertsAsync();
        await RedrawMarkersAsync();
    }

    /// <summary>Applies the device's alert changes; redraws the markers when an alert opened or closed, and while one is open.</summary>
    private async Task ApplyAlertChangesAsync()
    {
        var redraw = false;
        while (_alertChanges.TryDequeue(out var change))
        {
            var alert = change.Alert;
            if (alert.IsOpen && change.Transition != AlertTransition.Resolved)
            {
                _openAlerts[alert.Id] = alert;
            }
            else
            {
                _openAlerts.Remove(alert.Id);
            }
            if (change.Transition == AlertTransition.Resolved)
            {
                _markedAlerts.Remove(alert.Id);
            }
            else if (alert.ActivatedAt is not null)
            {
                _markedAlerts[alert.Id] = alert;
            }
            redraw |= change.Transition is AlertTransition.BecameActive or AlertTransition.Cleared;
        }
        // An open alert's band grows with time.
        redraw |= _openAlerts.Values.Any(a => a.State == AlertState.Active) && Now - _markersDrawnAt >= MarkerRefresh;
        redraw |= await RefreshLiveFaultsAsync();
        if (redraw)
        {
            await RedrawMarkersAsync();
        }
    }

    private async Task RedrawMarkersAsync()
    {
        _markersDrawnAt = Now;
        if (_liveChart is not null)
        {
            await _liveChart.UpdateOptionsAsync(new ChartOptions { Annotations = LiveMarkers(Now) }, animate: false);
        }
        if (_historyChart is not null)
        {
            await _historyChart.UpdateOptionsAsync(new ChartOptions { Annotations = HistoryMarkers(HistoryFrom) }, animate: false);
        }
    }

    private ChartAnnotations Markers(IReadOnlyList<string> metrics, DateTimeOffset from) =>
        AlertMarkers.For(_markedAlerts.Values, _alertRules, metrics, from, Time.GetUtcNow());
}
