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
    private int _failuresLeft;
    private bool _retryAfterFailure = true;
    private int _errors;

    public Task InitializeAsync()
    {
        _refresh = new LiveRefresh(
            () =>
            {
                Interlocked.Increment(ref _renders);
                _rendered.Release();
                return Interlocked.Decrement(ref _failuresLeft) >= 0
                    ? Task.FromException(new InvalidOperationException("database gone"))
                    : Task.CompletedTask;
            },
            _ =>
            {
                Interlocked.Increment(ref _errors);
                return Task.FromResult(_retryAfterFailure);
            },
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

    [Fact]
    public async Task Render_FailsTwice_TriesAgainAfterOneThenTwoSecondsAndKeepsRendering()
    {
        _failuresLeft = 2;
        _time.Advance(LiveRefresh.Heartbeat);
        Assert.True(await _rendered.WaitAsync(Patience), "no first render");

        await Settled();
        _time.Advance(LiveRefresh.RetryDelay(1) - TimeSpan.FromMilliseconds(1));
        Assert.False(await _rendered.WaitAsync(Settle), "tried again before the back-off was up");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await _rendered.WaitAsync(Patience), "no second try after 1 s");

        await Settled();
        _time.Advance(LiveRefresh.RetryDelay(1));
        Assert.False(await _rendered.WaitAsync(Settle), "the second back-off was not longer than the first");
        _time.Advance(LiveRefresh.RetryDelay(2) - LiveRefresh.RetryDelay(1));
        Assert.True(await _rendered.WaitAsync(Patience), "no third try after 2 s");

        _refresh.Invalidate();
        await Settled();
        _time.Advance(LiveRefresh.Interval);
        Assert.True(await _rendered.WaitAsync(Patience), "no render for new data once the renders succeeded");
        Assert.Equal(4, _renders);
        Assert.Equal(2, _errors);
    }

    [Fact]
    public async Task Render_FailsAndTheErrorHandlerSaysStop_NoMoreRenders()
    {
        _failuresLeft = 1;
        _retryAfterFailure = false;
        _time.Advance(LiveRefresh.Heartbeat);
        Assert.True(await _rendered.WaitAsync(Patience), "no first render");

        await Settled();
        _time.Advance(LiveRefresh.MaxRetryDelay);
        _refresh.Invalidate();
        _time.Advance(LiveRefresh.Heartbeat);

        Assert.False(await _rendered.WaitAsync(Settle), "rendered after being told to stop");
        Assert.Equal(1, _errors);
    }

    [Fact]
    public void RetryDelay_DoublesFromOneSecondUpToThirty()
    {
        Assert.Equal(
            [1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(1, 7).Select(n => LiveRefresh.RetryDelay(n).TotalSeconds));
        Assert.Equal(30, LiveRefresh.RetryDelay(1_000).TotalSeconds);
    }

    /// <summary>Lets the loop reach its next timer: a timer created after the fake clock moved would not fire.</summary>
    private static Task Settled() => Task.Delay(Settle);
}
