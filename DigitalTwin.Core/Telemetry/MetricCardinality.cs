using System.Collections.Concurrent;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Caps the distinct metric names per device (Telemetry:MaxMetricsPerDevice): every new name becomes a stored series
/// for good, so a device that invents names (a counter in the name, a typo loop) would grow the database without bound.
/// Known names cost one dictionary and one set look-up per metric under the device's own lock, allocation-free, on the
/// ingest path. Seeded from the stored series at start, so a restart does not reopen the allowance; a deleted device
/// starts again from nothing.
/// </summary>
public sealed class MetricCardinality : IHostedLifecycleService, IDisposable
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _devices = new(StringComparer.Ordinal);
    private readonly IDbContextFactory<DigitalTwinDbContext> _contexts;
    private readonly IDisposable _deletions;
    private readonly int _limit;

    public MetricCardinality(IDbContextFactory<DigitalTwinDbContext> contexts, DeviceDirectory directory, IOptions<TelemetryOptions> options)
    {
        _contexts = contexts;
        _limit = options.Value.MaxMetricsPerDevice;
        _deletions = directory.Subscribe(Forget);
    }

    /// <summary>Null when the readings fit (their new names are then counted), else why not; all or nothing.</summary>
    public string? Admit(string deviceId, IReadOnlyList<TelemetryReading> readings)
    {
        var names = _devices.GetOrAdd(deviceId, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (names)
        {
            if (AllKnown(names, readings))
            {
                return null;
            }
            var added = new List<string>();
            foreach (var metric in readings.SelectMany(r => r.Metrics))
            {
                if (names.Add(metric.Name))
                {
                    added.Add(metric.Name);
                }
            }
            if (names.Count <= _limit)
            {
                return null;
            }
            names.ExceptWith(added);
            return $"Device '{deviceId}' already has {names.Count:N0} metrics; {added.Count:N0} new ones (e.g. '{TelemetryPayloadParser.Truncate(added[0])}') "
                + $"would pass the limit of {_limit:N0} distinct metrics per device (Telemetry:MaxMetricsPerDevice).";
        }
    }

    /// <summary>Seeded before any hosted service starts (the broker among them), so it is full before any device speaks.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var series = await db.Series.AsNoTracking().Select(s => new { s.DeviceId, s.Metric }).ToListAsync(cancellationToken);
        foreach (var s in series)
        {
            _devices.GetOrAdd(s.DeviceId, _ => new HashSet<string>(StringComparer.Ordinal)).Add(s.Metric);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _deletions.Dispose();

    private void Forget(DeviceChange change)
    {
        if (change.Kind == DeviceChangeKind.Removed)
        {
            _devices.TryRemove(change.DeviceId, out _);
        }
    }

    private static bool AllKnown(HashSet<string> names, IReadOnlyList<TelemetryReading> readings)
    {
        foreach (var reading in readings)
        {
            foreach (var metric in reading.Metrics)
            {
                if (!names.Contains(metric.Name))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
