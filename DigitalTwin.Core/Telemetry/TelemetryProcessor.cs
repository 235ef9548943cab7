using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Twins;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Drains the telemetry queue in batches: each batch goes to the history writer and, grouped by
/// device, to the twins, one grain call per device per batch. Under light load a batch is one reading,
/// so latency stays low; under heavy load batches grow and the per-message cost falls.
/// </summary>
public sealed partial class TelemetryProcessor(
    TelemetryQueue queue,
    HistoryWriter history,
    IGrainFactory grains,
    DeviceCatalog catalog,
    IngestCounters counters,
    IEnumerable<IReadingObserver> observers,
    IOptions<TelemetryOptions> options,
    ILogger<TelemetryProcessor> logger) : BackgroundService
{
    private readonly int _maxBatch = options.Value.HistoryBatchSize;
    private readonly IReadingObserver[] _observers = [.. observers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await ProcessAsync(DrainBatch());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is already queued is still processed below.
        }
        finally
        {
            while (queue.Depth > 0)
            {
                await ProcessAsync(DrainBatch());
            }
            history.Complete();
        }
    }

    private List<TelemetryReading> DrainBatch()
    {
        var batch = new List<TelemetryReading>(Math.Min(_maxBatch, Math.Max(1, queue.Depth)));
        while (batch.Count < _maxBatch && queue.Reader.TryRead(out var reading))
        {
            batch.Add(reading);
        }
        return batch;
    }

    /// <remarks>Not cancellable: once a batch has left the queue it must reach the history writer.</remarks>
    private async Task ProcessAsync(List<TelemetryReading> batch)
    {
        var historyHandOff = history.EnqueueAsync(batch, CancellationToken.None);
        var byDevice = new Dictionary<string, List<TelemetryReading>>(StringComparer.Ordinal);
        foreach (var reading in batch)
        {
            if (!byDevice.TryGetValue(reading.DeviceId, out var readings))
            {
                byDevice[reading.DeviceId] = readings = [];
                catalog.Add(reading.DeviceId);
            }
            readings.Add(reading);
        }
        var twinUpdates = UpdateTwinsAsync(byDevice, batch.Count);
        await ObserveAsync(batch);
        await twinUpdates;
        await historyHandOff;
    }

    private async Task UpdateTwinsAsync(Dictionary<string, List<TelemetryReading>> byDevice, int readings)
    {
        try
        {
            await Task.WhenAll(byDevice.Select(d => grains.GetGrain<ITwinGrain>(d.Key).ReportAsync([.. d.Value])));
            counters.ReadingsApplied(readings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // History still gets the batch; a twin that missed it catches up with the next reading.
            LogTwinUpdateFailed(ex, byDevice.Count);
        }
    }

    private async Task ObserveAsync(List<TelemetryReading> batch)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ObserveAsync(batch, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(ex, observer.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Observer} failed on a batch of readings")]
    private partial void LogObserverFailed(Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating {DeviceCount} twins failed")]
    private partial void LogTwinUpdateFailed(Exception exception, int deviceCount);
}
