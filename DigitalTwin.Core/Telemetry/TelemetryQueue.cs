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

    public async ValueTask EnqueueAsync(IReadOnlyList<TelemetryReading> readings, CancellationToken cancellationToken)
    {
        foreach (var reading in readings)
        {
            if (!_channel.Writer.TryWrite(reading))
            {
                await _channel.Writer.WriteAsync(reading, cancellationToken);
            }
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
