namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// Re-renders a live page at most once per <see cref="Interval"/> however fast data arrives, and at least
/// once a second so relative times ("5 s ago") keep moving. Data callbacks only call <see cref="Invalidate"/>.
/// </summary>
public sealed class LiveRefresh : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly int TicksPerSecond = (int)(TimeSpan.FromSeconds(1) / Interval);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _dirty;

    /// <param name="render">Called on a timer thread; marshal to the renderer with InvokeAsync.</param>
    /// <param name="onError">Reports a failed render to the component (DispatchExceptionAsync).</param>
    public LiveRefresh(Func<Task> render, Func<Exception, Task> onError, TimeProvider time)
    {
        _loop = RunAsync(render, onError, time, _stop.Token);
    }

    public void Invalidate() => Interlocked.Exchange(ref _dirty, 1);

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
        using var timer = new PeriodicTimer(Interval, time);
        for (var tick = 1; await timer.WaitForNextTickAsync(cancellationToken); tick++)
        {
            if (Interlocked.Exchange(ref _dirty, 0) == 0 && tick % TicksPerSecond != 0)
            {
                continue;
            }
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
