using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Tests.Twins.Maintenance;

/// <summary>Real sensor series written into a fresh, migrated SQLite history through the app's writer, to be read back by the store.</summary>
internal sealed class SeriesHistory : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dt-series-" + Guid.NewGuid().ToString("N"));
    private HistoryDatabaseHost _host = null!;

    public HistoryStore Store => new(_host.Database);

    public static async Task<SeriesHistory> StartAsync()
    {
        var history = new SeriesHistory();
        Directory.CreateDirectory(history._directory);
        history._host = await HistoryDatabaseHost.StartAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(history._directory, "twin.db")};Pooling=False");
        return history;
    }

    /// <summary>Registers <paramref name="deviceId"/> and stores the series under it, moved by <paramref name="shift"/>.</summary>
    public async Task WriteAsync(string deviceId, SensorSeries series, TimeSpan shift)
    {
        await _host.Services.GetRequiredService<DeviceRegistry>().ProvisionAsync([new DeviceDraft(deviceId, null, "thermometer", null, null, null, null)], CancellationToken.None);
        using var counters = new IngestCounters();
        using var writer = new HistoryWriter(_host.Database, counters, new CommitTracker(), new DeviceDirectory(NullLogger<DeviceDirectory>.Instance),
            TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        var readings = Enumerable.Range(0, series.Length)
            .Select(i => new TelemetryReading(deviceId, series.Times[i] + shift, series.Times[i] + shift, [new MetricValue(series.Metric, series.Values[i])]))
            .ToList();
        await writer.EnqueueAsync(new TelemetryBatch(readings, readings.Count), CancellationToken.None);
        writer.Complete();
        await writer.StartAsync(CancellationToken.None);
        await writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(readings.Count, counters.ReadingsCommitted);
    }

    /// <summary>Whole days that bring the series' last reading to within a day before <paramref name="now"/> (time of day kept).</summary>
    public static TimeSpan ShiftToEndBefore(SensorSeries series, DateTimeOffset now) =>
        TimeSpan.FromDays(Math.Floor((now - series.Times[^1]).TotalDays));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
