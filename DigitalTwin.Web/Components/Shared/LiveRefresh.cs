namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// Re-renders a live page as soon as data arrives when it has not rendered for <see cref="Interval"/>, and at most
/// once per <see cref="Interval"/> during a burst; at least once per <see cref="Heartbeat"/> so relative times
/// ("5 s ago") keep moving. Data callbacks only call <see cref="Invalidate"/>.
/// </summary>
/// <remarks>
/// A reading on a quiet page is on screen within a frame; only a burst waits for the throttle. A failed render (the
/// database or a silo briefly gone) does not end the page: the loop tries again after 1, 2, 4 … 30 s.
/// </remarks>
public sealed class LiveRefresh : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="render">Called on a timer thread; marshal to the renderer with InvokeAsync.</param>
    /// <param name="onError">Told of each failed render; returns whether to try again (after a back-off) or stop.</param>
    public LiveRefresh(Func<Task> render, Func<Exception, Task<bool>> onError, TimeProvider time)
    {
        _loop = RunAsync(render, onError, time, _stop.Token);
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _changed.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    /// <summary>The wait before the next try after <paramref name="failures"/> failed renders in a row.</summary>
    public static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, Heartbeat.Ticks << Math.Clamp(failures - 1, 0, 16)));

    private async Task RunAsync(Func<Task> render, Func<Exception, Task<bool>> onError, TimeProvider time, CancellationToken cancellationToken)
    {
        var lastRender = time.GetTimestamp();
        var failures = 0;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }
            var quiet = Heartbeat - time.GetElapsedTime(lastRender);
            if (quiet > TimeSpan.Zero)
            {
                await changed.WaitAsync(quiet, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            cancellationToken.ThrowIfCancellationRequested();
            // A burst: the page rendered moments ago, so gather what else arrives until the interval is up.
            var sinceRender = time.GetElapsedTime(lastRender);
            if (sinceRender < Interval)
            {
                await Task.Delay(Interval - sinceRender, time, cancellationToken);
            }
            lock (_lock)
            {
                if (_changed.Task.IsCompleted)
                {
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            lastRender = time.GetTimestamp();
            try
            {
                await render();
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!await onError(ex))
                {
                    return;
                }
                await Task.Delay(RetryDelay(++failures), time, cancellationToken);
            }
        }
    }
}
