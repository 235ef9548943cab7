namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Lets a producer wait until its readings are in history, so a QoS 1 publish is acknowledged only after
/// its sample is committed. Readings are committed in queue order, so "committed" is one growing count and
/// a reading's position in the queue says when it is in: no per-reading bookkeeping on the hot path.
/// </summary>
public sealed class CommitTracker
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, long> _waiters = new();
    private long _committed;

    /// <summary>Completes once every reading up to <paramref name="position"/> (1-based, in queue order) is committed.</summary>
    public Task WhenCommittedAsync(long position)
    {
        lock (_lock)
        {
            if (position <= _committed)
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter, position);
            return waiter.Task;
        }
    }

    /// <summary>The history writer has committed the first <paramref name="total"/> readings ever queued.</summary>
    public void Committed(long total)
    {
        List<TaskCompletionSource>? ready = null;
        lock (_lock)
        {
            _committed = total;
            while (_waiters.TryPeek(out var waiter, out var position) && position <= total)
            {
                _waiters.Dequeue();
                (ready ??= []).Add(waiter);
            }
        }
        ready?.ForEach(w => w.TrySetResult());
    }
}
