using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Health;

/// <summary>The ingest-queue readiness check on a real queue that nothing drains, with time stepped by the test.</summary>
public sealed class IngestQueueHealthTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly IngestCounters _counters = new();
    private readonly TelemetryQueue _queue;
    private readonly IngestQueueWatch _watch;
    private readonly IngestQueueHealthCheck _check;

    public IngestQueueHealthTests()
    {
        _queue = new TelemetryQueue(Options.Create(new TelemetryOptions { QueueCapacity = 3 }), _counters);
        var health = Options.Create(new HealthOptions { QueueFullFor = TimeSpan.FromSeconds(30) });
        _watch = new IngestQueueWatch(_queue, health, _time);
        _check = new IngestQueueHealthCheck(_watch, health);
    }

    [Fact]
    public async Task Check_QueueWithRoom_Healthy()
    {
        await FillAsync(2);
        _watch.Sample();

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_FullForLessThanTheLimit_Degraded()
    {
        await FillAsync(3);
        _watch.Sample();
        _time.Advance(TimeSpan.FromSeconds(29));
        _watch.Sample();

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("3 of 3", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FullAtEverySampleForTheLimit_Unhealthy()
    {
        await FillAsync(3);
        for (var second = 0; second <= 30; second++)
        {
            _watch.Sample();
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_RoomAtOneSampleInBetween_CountsAgainFromTheNextFullSample()
    {
        await FillAsync(3);
        _watch.Sample();
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(_queue.Reader.TryRead(out _));
        _watch.Sample();
        await FillAsync(1);
        _watch.Sample();
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_QueueDrainedAfterBeingUnhealthy_HealthyAgain()
    {
        await FillAsync(3);
        _watch.Sample();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);

        Assert.True(_queue.Reader.TryRead(out _));
        _watch.Sample();

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    public void Dispose() => _counters.Dispose();

    private Task<HealthCheckResult> CheckAsync() => _check.CheckHealthAsync(new HealthCheckContext());

    private async Task FillAsync(int readings)
    {
        var batch = Enumerable.Range(0, readings)
            .Select(i => new TelemetryReading("queue-health", _time.GetUtcNow().AddSeconds(i), _time.GetUtcNow(), [new MetricValue("temperature", i)]))
            .ToList();
        await _queue.EnqueueAsync(batch, CancellationToken.None);
    }
}
