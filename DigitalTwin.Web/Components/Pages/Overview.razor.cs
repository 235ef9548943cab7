using System.Collections.Concurrent;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Shared;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>A live card per device: current values, status, last seen and a temperature sparkline.</summary>
public sealed partial class Overview : LivePage
{
    private static readonly TimeSpan TrendWindow = TimeSpan.FromMinutes(5);
    private const int TrendPoints = 150;

    private readonly ConcurrentDictionary<string, DeviceTile> _tiles = new(StringComparer.Ordinal);
    private bool _loading = true;

    [Inject]
    public required TwinDirectory Twins { get; init; }

    [Inject]
    public required ITwinChangeFeed Feed { get; init; }

    [Inject]
    public required HistoryStore History { get; init; }

    protected override async Task OnInitializedAsync()
    {
        base.OnInitialized();
        // Subscribe before loading, so a change that lands in between is not missed.
        Listen(Feed.Subscribe(null, OnTwinChanged));
        var twins = await Twins.GetAllAsync();
        await Task.WhenAll(twins.Select(LoadTileAsync));
        _loading = false;
    }

    private int CountWith(DeviceStatus status) => _tiles.Values.Count(t => t.Snapshot.Status == status);

    private async Task LoadTileAsync(TwinSnapshot twin)
    {
        var to = Now;
        var series = await History.QueryAsync(new HistoryQuery(twin.DeviceId, "temperature", to - TrendWindow, to, TrendWindow / TrendPoints, Aggregation.Avg));
        var tile = _tiles.GetOrAdd(twin.DeviceId, _ => new DeviceTile(twin));
        tile.Seed(twin, series.Points.Select(p => ChartPoint.At(p.Time, p.Value)));
    }

    private void OnTwinChanged(TwinSnapshot twin)
    {
        _tiles.GetOrAdd(twin.DeviceId, _ => new DeviceTile(twin)).Apply(twin, TrendPoints);
        Invalidate();
    }

    /// <summary>One card's state; written on the twin's thread, read by the renderer.</summary>
    private sealed class DeviceTile(TwinSnapshot snapshot)
    {
        private readonly Lock _lock = new();

        public TwinSnapshot Snapshot { get; private set; } = snapshot;

        /// <summary>Replaced (never mutated) on change, so the sparkline sees a new list and redraws.</summary>
        public IReadOnlyList<ChartPoint> Trend { get; private set; } = [];

        public void Seed(TwinSnapshot twin, IEnumerable<ChartPoint> history)
        {
            lock (_lock)
            {
                if (twin.Version >= Snapshot.Version)
                {
                    Snapshot = twin;
                }
                Trend = [.. history.Concat(Trend).DistinctBy(p => p.X).OrderBy(p => p.X)];
            }
        }

        public void Apply(TwinSnapshot twin, int maxPoints)
        {
            lock (_lock)
            {
                if (twin.Version <= Snapshot.Version && Snapshot.Version != 0)
                {
                    return;
                }
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
