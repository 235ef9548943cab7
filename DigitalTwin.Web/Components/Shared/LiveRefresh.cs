namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// Re-renders a live page as soon as data arrives when it has not rendered for <see cref="Interval"/>, and at most
/// once per <see cref="Interval"/> during a burst; at least once per <see cref="Heartbeat"/> so relative times
/// ("5 s ago") keep moving. Data callbacks only call <see cref="Invalidate"/>.
/// </summary>
/// <remarks>A reading on a quiet page is on screen within a frame; only a burst waits for the throttle.</remarks>
public sealed class LiveRefresh : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="render">Called on a timer thread; marshal to the renderer with InvokeAsync.</param>
    /// <param name="onError">Reports a failed render to the component (DispatchExceptionAsync).</param>
    public LiveRefresh(Func<Task> render, Func<Exception, Task> onError, TimeProvider time)
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

    private async Task RunAsync(Func<Task> render, Func<Exception, Task> onError, TimeProvider time, CancellationToken cancellationToken)
    {
        var lastRender = time.GetTimestamp();
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
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await onError(ex);
                return;
            }
        }
    }
}
