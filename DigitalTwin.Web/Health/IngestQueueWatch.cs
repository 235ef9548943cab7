using DigitalTwin.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Health;

/// <summary>
/// Samples the ingest queue's depth on a timer and remembers since when it has been full without a break. A queue that
/// fills for a moment under a burst is back-pressure doing its job; one that stays full means processing cannot keep
/// up (or is stuck), which is what /health/ready reports. Reading the depth costs nothing per message.
/// </summary>
public sealed class IngestQueueWatch(TelemetryQueue queue, IOptions<HealthOptions> options, TimeProvider time) : BackgroundService
{
    private long _fullSinceTicks = -1;

    /// <summary>How long the queue has been full at every sample, or null when the last sample found room.</summary>
    public TimeSpan? FullFor => Interlocked.Read(ref _fullSinceTicks) is var since and >= 0
        ? time.GetUtcNow() - new DateTimeOffset(since, TimeSpan.Zero)
        : null;

    public int Depth => queue.Depth;

    public int Capacity => queue.Capacity;

    /// <summary>One observation; the timer calls it, and tests call it to step through time.</summary>
    public void Sample()
    {
        if (queue.Depth < queue.Capacity)
        {
            Interlocked.Exchange(ref _fullSinceTicks, -1);
        }
        else
        {
            Interlocked.CompareExchange(ref _fullSinceTicks, time.GetUtcNow().UtcTicks, -1);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueSampleInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
