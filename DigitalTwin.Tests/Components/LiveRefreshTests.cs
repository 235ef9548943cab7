using DigitalTwin.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Components;

/// <summary>The live pages' render throttle on a fake clock: at once after a quiet spell, once per interval in a burst.</summary>
public sealed class LiveRefreshTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly SemaphoreSlim _rendered = new(0);
    private LiveRefresh _refresh = null!;
    private int _renders;

    public Task InitializeAsync()
    {
        _refresh = new LiveRefresh(
            () =>
            {
                Interlocked.Increment(ref _renders);
                _rendered.Release();
                return Task.CompletedTask;
            },
            ex => Task.FromException(ex),
            _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _refresh.DisposeAsync();
        _rendered.Dispose();
    }

    [Fact]
    public async Task Invalidate_PageQuietLongerThanTheInterval_RendersWithoutTheClockMoving()
    {
        _time.Advance(LiveRefresh.Interval * 2);

        _refresh.Invalidate();

        Assert.True(await _rendered.WaitAsync(Patience), "no render after data on a quiet page");
        Assert.Equal(1, _renders);
    }

    [Fact]
    public async Task Invalidate_BurstRightAfterARender_OneRenderWhenTheIntervalIsUp()
    {
        _time.Advance(LiveRefresh.Interval * 2);
        _refresh.Invalidate();
        Assert.True(await _rendered.WaitAsync(Patience));

        _refresh.Invalidate();
        _refresh.Invalidate();
        _refresh.Invalidate();

        Assert.False(await _rendered.WaitAsync(Settle), "rendered again within the interval");
        _time.Advance(LiveRefresh.Interval);
        Assert.True(await _rendered.WaitAsync(Patience), "no render when the interval was up");
        Assert.False(await _rendered.WaitAsync(Settle), "a burst rendered more than once");
        Assert.Equal(2, _renders);
    }

    [Fact]
    public async Task NoData_RendersOncePerHeartbeat()
    {
        Assert.False(await _rendered.WaitAsync(Settle), "rendered without data before the heartbeat");

        _time.Advance(LiveRefresh.Heartbeat);

        Assert.True(await _rendered.WaitAsync(Patience), "no heartbeat render");
        Assert.Equal(1, _renders);
    }
}
