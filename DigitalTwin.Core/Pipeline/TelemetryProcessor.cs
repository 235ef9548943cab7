using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Pipeline;

/// <summary>
/// Drains the telemetry queue in batches: each batch goes to the history writer, to the observers (alert evaluation)
/// and, grouped by device, to the twins, one grain call per device per batch. Under light load a batch is one reading,
/// so latency stays low; under heavy load batches grow and the per-message cost falls.
/// </summary>
/// <remarks>
/// Shutdown order is this class's job, not the registration order's: the host calls every
/// <see cref="IHostedLifecycleService.StoppingAsync"/> before any StopAsync, so the processor closes the queue and
/// drains it there, while the alert writer and the history writer still run; it then completes the history writer,
/// whose own StopAsync commits what is left.
/// </remarks>
public sealed partial class TelemetryProcessor(
    TelemetryQueue queue,
    HistoryWriter history,
    IGrainFactory grains,
    DeviceDirectory directory,
    IngestCounters counters,
    IEnumerable<IReadingObserver> observers,
    IOptions<TelemetryOptions> options,
    ILogger<TelemetryProcessor> logger) : IHostedLifecycleService, IDisposable
{
    private readonly int _maxBatch = options.Value.HistoryBatchSize;
    private readonly IReadingObserver[] _observers = [.. observers];
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private long _drained;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Closes the queue (later publishes are refused, so never acknowledged) and processes what it holds.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await _stop.CancelAsync();
        await _run;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _run;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stop.Dispose();

    private async Task RunAsync(CancellationToken stoppingToken)
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

    private TelemetryBatch DrainBatch()
    {
        var readings = new List<TelemetryReading>(Math.Min(_maxBatch, Math.Max(1, queue.Depth)));
        while (readings.Count < _maxBatch && queue.Reader.TryRead(out var reading))
        {
            readings.Add(reading);
        }
        // One reader, and the queue hands out positions in the order it queues: the count drained is the position.
        _drained += readings.Count;
        return new TelemetryBatch(readings, _drained);
    }

    /// <remarks>Not cancellable: once a batch has left the queue it must reach the history writer.</remarks>
    private async Task ProcessAsync(TelemetryBatch drained)
    {
        using var span = IngestTracing.Source.StartActivity(IngestTracing.BatchSpan);
        span?.SetTag("digitaltwin.readings", drained.Readings.Count);
        var batch = WithoutRemovedDevices(drained);
        var historyHandOff = history.EnqueueAsync(batch, CancellationToken.None);
        var byDevice = new Dictionary<string, List<TelemetryReading>>(StringComparer.Ordinal);
        foreach (var reading in batch.Readings)
        {
            if (!byDevice.TryGetValue(reading.DeviceId, out var readings))
            {
                byDevice[reading.DeviceId] = readings = [];
            }
            readings.Add(reading);
        }
        span?.SetTag("digitaltwin.devices", byDevice.Count);
        var twinUpdates = UpdateTwinsAsync(byDevice, batch.Readings.Count);
        await ObserveAsync(batch.Readings);
        await twinUpdates;
        await historyHandOff;
    }

    /// <summary>A device deleted while its readings waited in the queue: they are discarded (counted), not written to a device that is gone.</summary>
    private TelemetryBatch WithoutRemovedDevices(TelemetryBatch batch)
    {
        var devices = directory.Snapshot;
        if (batch.Readings.All(r => devices.ContainsKey(r.DeviceId)))
        {
            return batch;
        }
        var kept = batch.Readings.Where(r => devices.ContainsKey(r.DeviceId)).ToList();
        counters.ReadingsDiscarded(batch.Readings.Count - kept.Count);
        return batch with { Readings = kept };
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

    private async Task ObserveAsync(IReadOnlyList<TelemetryReading> readings)
    {
        if (readings.Count == 0)
        {
            return;
        }
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ObserveAsync(readings, CancellationToken.None);
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
