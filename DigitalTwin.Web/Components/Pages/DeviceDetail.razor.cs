using System.Collections.Concurrent;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>One device: thermometer, gauges, its metrics, desired vs reported properties, its setpoint and commands, a live chart and a history chart, both marked where the fault detector disagrees with the readings.</summary>
public sealed partial class DeviceDetail : LivePage
{
    private const string Temperature = "temperature";
    private const string Humidity = "humidity";
    private const int LivePoints = 600;
    private static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(10);
    private static readonly string[] LiveMetrics = [Temperature, Humidity];
    private static readonly Dictionary<string, TimeSpan> HistoryRanges = new()
    {
        ["1 h"] = TimeSpan.FromHours(1),
        ["24 h"] = TimeSpan.FromHours(24),
        ["7 d"] = TimeSpan.FromDays(7),
    };

    private readonly ConcurrentQueue<TwinSnapshot> _pending = new();
    private List<BreadcrumbItem> _breadcrumbs = [];
    private TwinSnapshot? _snapshot;
    private ApexChart? _liveChart;
    private IReadOnlyList<ChartSeries> _liveSeries = [];
    private IReadOnlyList<ChartSeries>? _historySeries;
    private string _historyMetric = Temperature;
    private string _historyRange = "1 h";
    private int _historyKey;
    private int _historyPoints;
    private TimeSpan _historyInterval;
    private bool _loading = true;

    [Parameter]
    public required string DeviceId { get; set; }

    [Inject]
    public required TwinReader Twins { get; init; }

    [Inject]
    public required ITwinChangeFeed Feed { get; init; }

    [Inject]
    public required HistoryStore History { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        var now = Time.GetUtcNow();
        _breadcrumbs = [new(L["Nav.Overview"], href: "/"), new(DeviceId, href: null, disabled: true)];
        Listen(
            Feed.Subscribe(DeviceId, twin =>
            {
                _pending.Enqueue(twin);
                Invalidate();
            }),
            ListenToAlerts(),
            ListenToProperties(),
            ListenToCommands());
        _snapshot = await Twins.GetAsync(DeviceId);
        await LoadLiveFaultsAsync(now);
        await LoadAlertsAsync();
        await LoadPropertiesAsync();
        await LoadCommandsAsync();
        if (_snapshot is not null)
        {
            _liveSeries = await Task.WhenAll(LiveMetrics.Select(m => LoadSeriesAsync(m, now - LiveWindow, now, TimeSpan.FromSeconds(1), Aggregation.Last, Label(m))));
            await LoadHistoryAsync();
        }
        _loading = false;
    }

    /// <summary>Applies the changes since the last render: the newest snapshot, and new points for the live chart.</summary>
    protected override async Task RefreshAsync()
    {
        var appended = new Dictionary<string, List<ChartPoint>>();
        while (_pending.TryDequeue(out var twin))
        {
            foreach (var metric in LiveMetrics)
            {
                var previous = _snapshot?.Metrics.GetValueOrDefault(metric).Timestamp;
                if (twin.Metrics.TryGetValue(metric, out var value) && value.Timestamp > previous)
                {
                    (appended.TryGetValue(metric, out var points) ? points : appended[metric] = []).Add(ChartPoint.At(value.Timestamp, value.Value));
                }
            }
            if (_snapshot is null || twin.Version > _snapshot.Version)
            {
                _snapshot = twin;
            }
        }
        await ApplyAlertChangesAsync();
        ApplyPropertyChanges();
        await ApplyCommandChangesAsync();
        if (appended.Count == 0 || _liveChart is null)
        {
            StateHasChanged();
            return;
        }
        // Sent with the render, ApexCharts' redraw of the live chart (~50 ms) ran in the browser task that applies the
        // render and held the new numbers off the screen until it finished.
        await RenderInBrowserAsync();
        await _liveChart.AppendDataAsync([.. appended.Select(a => new ChartSeries(Label(a.Key), a.Value))]);
    }

    private async Task SetHistoryMetricAsync(string metric)
    {
        _historyMetric = metric;
        await LoadHistoryAsync();
    }

    private async Task SetHistoryRangeAsync(string range)
    {
        _historyRange = range;
        await LoadHistoryAsync();
    }

    private async Task LoadHistoryAsync()
    {
        var to = Time.GetUtcNow();
        var from = to - HistoryRanges[_historyRange];
        var history = await History.QueryBucketsAsync(new HistoryQuery(DeviceId, _historyMetric, from, to, null, Aggregation.All));
        _historyInterval = history.Interval;
        await LoadHistoryFaultsAsync(history);
        _historyOptions = HistoryOptions(from, to, HistoryMarkers(from));
        _historyPoints = history.Buckets.Count;
        _historySeries =
        [
            new ChartSeries(L["DeviceDetail.Min"], [.. history.Buckets.Select(b => ChartPoint.At(b.Time, b.Min))]),
            new ChartSeries(L["DeviceDetail.Avg"], [.. history.Buckets.Select(b => ChartPoint.At(b.Time, b.Avg))]),
            new ChartSeries(L["DeviceDetail.Max"], [.. history.Buckets.Select(b => ChartPoint.At(b.Time, b.Max))]),
        ];
        _historyKey++;
    }

    private async Task<ChartSeries> LoadSeriesAsync(string metric, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, Aggregation aggregation, string name)
    {
        var series = await History.QueryAsync(new HistoryQuery(DeviceId, metric, from, to, interval, aggregation));
        return new ChartSeries(name, [.. series.Points.Select(p => ChartPoint.At(p.Time, p.Value))]);
    }

    /// <summary>Every sample of the history chart's range, as a CSV download.</summary>
    private string ExportUrl
    {
        get
        {
            var to = Now;
            var from = to - HistoryRanges[_historyRange];
            return $"/api/devices/{Uri.EscapeDataString(DeviceId)}/telemetry/export?from={from.ToUnixTimeMilliseconds()}&to={to.ToUnixTimeMilliseconds()}";
        }
    }

    /// <summary>A live series' name; the live chart's axes find their series by it (<see cref="DeviceCharts.LiveIn"/>).</summary>
    private string Label(string metric) => metric switch
    {
        Temperature => L["DeviceDetail.TemperatureSeries"],
        Humidity => L["DeviceDetail.HumiditySeries"],
        _ => metric,
    };
}
