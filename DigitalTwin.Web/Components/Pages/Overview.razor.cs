using System.Collections.Concurrent;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>
/// A live card per device, a page of them at a time: current values, status, last seen and a temperature sparkline.
/// Like /devices, only the visible page lives in the circuit: its cards start from the status board and the newest
/// stored values (one query), and no twin is activated to show them; twin changes then keep them live.
/// </summary>
public sealed partial class Overview : LivePage
{
    public const int PageSize = 12;
    private static readonly TimeSpan TrendWindow = TimeSpan.FromMinutes(5);
    private const int TrendPoints = 150;

    private ConcurrentDictionary<string, DeviceTile> _tiles = new(StringComparer.Ordinal);
    private bool _loading = true;
    private int _page = 1;

    [Inject]
    public required DeviceDirectory Devices { get; init; }

    [Inject]
    public required DeviceStatusBoard Board { get; init; }

    [Inject]
    public required FleetOverview Fleet { get; init; }

    [Inject]
    public required DeviceList List { get; init; }

    [Inject]
    public required ITwinChangeFeed Feed { get; init; }

    [Inject]
    public required HistoryStore History { get; init; }

    private int PageCount => Fleet.PageCount(PageSize);

    protected override async Task OnInitializedAsync()
    {
        base.OnInitialized();
        // Subscribe before loading, so a change that lands in between is not missed.
        Listen(Feed.Subscribe(null, OnTwinChanged));
        await ShowPageAsync(1);
        _loading = false;
    }

    /// <summary>The board's running counts, read once per render rather than once per chip.</summary>
    private IReadOnlyDictionary<DeviceStatus, int> _counts = new Dictionary<DeviceStatus, int>();

    private int CountWith(DeviceStatus status) => _counts.GetValueOrDefault(status);

    protected override void OnParametersSet() => TallyStatuses();

    protected override Task RefreshAsync()
    {
        TallyStatuses();
        return base.RefreshAsync();
    }

    private void TallyStatuses() => _counts = Fleet.Counts();

    private async Task ShowPageAsync(int page)
    {
        _page = Math.Clamp(page, 1, PageCount);
        var ids = Fleet.PageIds(_page, PageSize);
        var latest = await List.LatestMetricsAsync(ids);
        var tiles = new ConcurrentDictionary<string, DeviceTile>(
            ids.Select(id => KeyValuePair.Create(id, new DeviceTile(StoredSnapshot(id, latest.GetValueOrDefault(id))))), StringComparer.Ordinal);
        _tiles = tiles;
        await Task.WhenAll(tiles.Values.Select(LoadTrendAsync));
    }

    /// <summary>What the card shows before its twin says anything: the board's status and the newest stored values.</summary>
    private TwinSnapshot StoredSnapshot(string deviceId, Dictionary<string, TwinMetric>? metrics)
    {
        var status = Board.Get(deviceId);
        return new TwinSnapshot(deviceId, status.Status, status.LastSeen, metrics ?? [], status.Version, status.Reason, status.Since, status.OfflineAfter);
    }

    private async Task LoadTrendAsync(DeviceTile tile)
    {
        var to = Now;
        var series = await History.QueryAsync(new HistoryQuery(tile.Snapshot.DeviceId, "temperature", to - TrendWindow, to, TrendWindow / TrendPoints, Aggregation.Avg));
        tile.Seed(series.Points.Select(p => ChartPoint.At(p.Time, p.Value)));
    }

    /// <summary>Any twin may change the counts; only the visible page's cards are kept.</summary>
    private void OnTwinChanged(TwinSnapshot twin)
    {
        if (_tiles.TryGetValue(twin.DeviceId, out var tile))
        {
            tile.Apply(twin, TrendPoints);
        }
        Invalidate();
    }

    /// <summary>One card's state; written on the twin's thread, read by the renderer.</summary>
    private sealed class DeviceTile(TwinSnapshot snapshot)
    {
        private readonly Lock _lock = new();

        public TwinSnapshot Snapshot { get; private set; } = snapshot;

        /// <summary>Replaced (never mutated) on change, so the sparkline sees a new list and redraws.</summary>
        public IReadOnlyList<ChartPoint> Trend { get; private set; } = [];

        public void Seed(IEnumerable<ChartPoint> history)
        {
            lock (_lock)
            {
                Trend = [.. history.Concat(Trend).DistinctBy(p => p.X).OrderBy(p => p.X)];
            }
        }

        public void Apply(TwinSnapshot twin, int maxPoints)
        {
            lock (_lock)
            {
                var previous = Snapshot.Metrics.GetValueOrDefault("temperature");
                Snapshot = twin;
                if (twin.Metrics.TryGetValue("temperature", out var temperature) && temperature.Timestamp > previous.Timestamp)
                {
                    Trend = [.. Trend.Skip(Math.Max(0, Trend.Count + 1 - maxPoints)), ChartPoint.At(temperature.Timestamp, temperature.Value)];
                }
            }
        }
    }
}
