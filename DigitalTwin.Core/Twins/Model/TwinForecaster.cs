using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;

namespace DigitalTwin.Core.Twins.Model;

/// <summary>
/// Fits a device metric's model from its own history on demand: the RC room for "temperature" when the device
/// reports outdoor temperature (and, optionally, its heater), else the daily profile. A fit is kept for
/// <see cref="TimeToLive"/>, at most <see cref="Capacity"/> of them, so a page refreshing and the API share it.
/// </summary>
/// <remarks>
/// The grid step is two of the device's own reporting intervals (averaging halves the read noise's variance, and a
/// coarser grid would blur the heater's cycling, which the thermostat is read from), at least ten minutes for the
/// daily profile; the window is the last 1,000 steps before the newest reading,
/// one history query per metric.
/// </remarks>
public sealed class TwinForecaster(HistoryStore history, TimeProvider time)
{
    public const string TemperatureMetric = "temperature";
    public const string OutdoorMetric = "outdoorTemperature";
    public const string HeaterMetric = "heater";
    public const int Capacity = 1024;
    public const int MaxPoints = 240;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromHours(24);

    // The history's own bucket widths, so each grid step is a bucket the store answers from its rollups where it can.
    private static readonly TimeSpan[] Steps = [.. HistoryInterval.Widths.Where(w => w <= TimeSpan.FromHours(1))];

    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), (DateTimeOffset At, Task<RoomModelFit?> Fit)> _fits = [];

    /// <summary>The fitted model, or null when the device has never reported <paramref name="metric"/>.</summary>
    public Task<RoomModelFit?> FitAsync(string deviceId, string metric, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var key = (deviceId, metric);
        lock (_lock)
        {
            if (_fits.TryGetValue(key, out var cached) && now - cached.At < TimeToLive && !cached.Fit.IsFaulted && !cached.Fit.IsCanceled)
            {
                return cached.Fit;
            }
            if (_fits.Count >= Capacity)
            {
                foreach (var stale in _fits.Where(f => now - f.Value.At >= TimeToLive).Select(f => f.Key).ToList())
                {
                    _fits.Remove(stale);
                }
                if (_fits.Count >= Capacity)
                {
                    _fits.Remove(_fits.MinBy(f => f.Value.At).Key);
                }
            }
            // On the thread pool: fitting is CPU work that should not run on a Blazor circuit's thread.
            var fit = Task.Run(() => ComputeAsync(deviceId, metric, cancellationToken), cancellationToken);
            _fits[key] = (now, fit);
            return fit;
        }
    }

    /// <summary>The next <paramref name="horizon"/> of <paramref name="metric"/>, at most <see cref="MaxPoints"/> points.</summary>
    public async Task<(RoomModelFit? Fit, IReadOnlyList<ForecastPoint> Points)> ForecastAsync(
        string deviceId, string metric, TimeSpan horizon, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, MaxHorizon);
        var fit = await FitAsync(deviceId, metric, cancellationToken);
        if (fit is null)
        {
            return (null, []);
        }
        var steps = Math.Max(1, (int)Math.Ceiling(horizon / fit.Step));
        var stride = Math.Max(1, (int)Math.Ceiling(steps / (double)MaxPoints));
        return (fit, fit.Model.Forecast(fit.Series, fit.Origin, steps, stride) ?? []);
    }

    /// <summary>What a new setpoint would do; null when the device has no fitted room with a heater.</summary>
    public async Task<WhatIfAnswer?> WhatIfAsync(string deviceId, double setpoint, CancellationToken cancellationToken = default)
    {
        var fit = await FitAsync(deviceId, TemperatureMetric, cancellationToken);
        if (fit is not { Room: { HasHeater: true } room, Thermostat: { } thermostat })
        {
            return null;
        }
        var series = fit.Series;
        var state = new RoomState(series.Values[fit.Origin], series.Outdoor![fit.Origin], series.Heater![fit.Origin] >= 0.5);
        return WhatIf.Run(room, thermostat, state, setpoint);
    }

    private async Task<RoomModelFit?> ComputeAsync(string deviceId, string metric, CancellationToken cancellationToken)
    {
        var latest = await history.LatestAsync(deviceId, cancellationToken);
        if (!latest.TryGetValue(metric, out var newest))
        {
            return null;
        }
        // History is stored in milliseconds and read in [from, to): the newest reading is inside only from one millisecond on.
        var end = newest.Timestamp.AddMilliseconds(1);
        var room = metric == TemperatureMetric && latest.ContainsKey(OutdoorMetric);
        var hasHeater = room && latest.ContainsKey(HeaterMetric);
        var gap = await ReportingIntervalAsync(deviceId, metric, end, cancellationToken);
        var step = Steps.FirstOrDefault(s => s >= gap * 2, Steps[^1]);
        if (!room && step < TimeSpan.FromMinutes(10))
        {
            step = TimeSpan.FromMinutes(10);
        }
        // The grid's cells are the history's own buckets (aligned to the step), the newest reading in the last one.
        var to = AlignUp(end, step);
        var from = to - (step * HistoryQuery.MaxPoints);
        var values = await BucketsAsync(deviceId, metric, from, to, step, cancellationToken);
        var outdoor = room ? await BucketsAsync(deviceId, OutdoorMetric, from, to, step, cancellationToken) : null;
        var heater = hasHeater ? await BucketsAsync(deviceId, HeaterMetric, from, to, step, cancellationToken) : null;
        var series = RoomSeries.From(from, to, step, values, outdoor, heater).TrimStart();
        return Fit(deviceId, metric, series, room, hasHeater);
    }

    /// <summary>Fits <paramref name="series"/> and backtests the same kind of model on it; public for the bench and tests.</summary>
    public static RoomModelFit? Fit(string deviceId, string metric, RoomSeries series, bool room, bool hasHeater)
    {
        var origin = series.LastComplete();
        if (origin < 0)
        {
            return null;
        }
        var aheadSteps = Math.Clamp((int)Math.Round(TimeSpan.FromHours(1) / series.Step), 1, Math.Max(1, series.Length / 4));
        // As many runs as the served forecast: with fewer, the 5th–95th percentiles come out narrow and the coverage scored is not the served band's.
        var backtest = Backtest.Run(series, room ? new RoomForecaster(series.Step, hasHeater) : new DailyProfileForecaster(series.Step), aheadSteps);
        IRoomForecastModel model = room ? new RoomForecaster(series.Step, hasHeater) : new DailyProfileForecaster(series.Step);
        for (var i = 0; i <= origin; i++)
        {
            model.Observe(series, i);
        }
        var samples = series.Values.Count(double.IsFinite);
        return model switch
        {
            RoomForecaster rc when rc.Model.Parameters() is { } parameters => new RoomModelFit(deviceId, metric, rc.Kind, series.Step,
                series.Start, series.TimeAt(series.Length), samples, parameters, hasHeater ? Thermostat.Infer(series, origin + 1) : null, null, backtest)
            { Model = model, Series = series, Origin = origin },
            // An RC room that cannot be fitted yet (too little history, or it never changed) falls back to the profile.
            RoomForecaster => Fit(deviceId, metric, series with { Outdoor = null, Heater = null }, room: false, hasHeater: false),
            DailyProfileForecaster daily => new RoomModelFit(deviceId, metric, daily.Kind, series.Step, series.Start, series.TimeAt(series.Length),
                samples, null, null, new DailyProfileSummary(daily.Model.Level, daily.Model.ProfileAmplitude, daily.Model.Persistence, daily.Model.AnomalySigma), backtest)
            { Model = model, Series = series, Origin = origin },
            _ => null,
        };
    }

    /// <summary>The device's typical time between readings over the last six hours: the smaller of the span over the count
    /// (too long when the device was off for a while) and the filled buckets' time over the count (too short for a device
    /// slower than the probe's buckets).</summary>
    private async Task<TimeSpan> ReportingIntervalAsync(string deviceId, string metric, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var probe = await history.QueryBucketsAsync(new HistoryQuery(deviceId, metric, to - TimeSpan.FromHours(6), to, null, Aggregation.All), cancellationToken);
        var filled = probe.Buckets.Where(b => b.Count > 0).ToList();
        var count = filled.Sum(b => b.Count);
        if (count < 2)
        {
            return TimeSpan.FromMinutes(1);
        }
        var span = (filled[^1].Time - filled[0].Time + probe.Interval) / count;
        var busy = probe.Interval * filled.Count / count;
        return span < busy ? span : busy;
    }

    private static DateTimeOffset AlignUp(DateTimeOffset time, TimeSpan step)
    {
        var ms = time.ToUnixTimeMilliseconds();
        var stepMs = (long)step.TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds((ms + stepMs - 1) / stepMs * stepMs);
    }

    private Task<HistoryBuckets> BucketsAsync(string deviceId, string metric, DateTimeOffset from, DateTimeOffset to, TimeSpan step, CancellationToken cancellationToken) =>
        history.QueryBucketsAsync(new HistoryQuery(deviceId, metric, from, to, step, Aggregation.All), cancellationToken);
}
