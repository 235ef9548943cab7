using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// The bounded hand-off between ingest and processing. When it is full, producers wait: the MQTT
/// connection stops reading and the HTTP request waits, so publishers slow down and nothing is dropped.
/// </summary>
public sealed class TelemetryQueue
{
    private readonly Channel<TelemetryReading> _channel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _enqueued;

    public TelemetryQueue(IOptions<TelemetryOptions> options, IngestCounters counters)
    {
        Capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<TelemetryReading>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        counters.Meter.CreateObservableGauge("digitaltwin.telemetry.queue.depth", () => Depth, "{reading}", "Readings waiting for processing");
    }

    public int Capacity { get; }

    public int Depth => _channel.Reader.Count;

    public ChannelReader<TelemetryReading> Reader => _channel.Reader;

    /// <summary>Queues the readings in order; returns the queue position of the last one (see <see cref="CommitTracker"/>).</summary>
    /// <remarks>
    /// One producer at a time: positions must match the order readings enter the channel. A producer that
    /// finds the queue full waits holding the gate, so the others wait behind it in order (back-pressure).
    /// </remarks>
    public async ValueTask<long> EnqueueAsync(IReadOnlyList<TelemetryReading> readings, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var reading in readings)
            {
                while (!_channel.Writer.TryWrite(reading))
                {
                    if (!await _channel.Writer.WaitToWriteAsync(cancellationToken))
                    {
                        throw new InvalidOperationException("The telemetry queue is closed: the app is stopping.");
                    }
                }
                _enqueued++;
            }
            return _enqueued;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
