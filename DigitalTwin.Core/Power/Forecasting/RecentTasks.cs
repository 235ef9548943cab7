namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// A few tasks by key, the most recently used first: the least recently used goes when a new one would exceed the
/// capacity, and a faulted one is started again. Not thread-safe: the owner calls it under its lock.
/// </summary>
internal sealed class RecentTasks<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly LinkedList<(TKey Key, Task<TValue> Task)> _items = new();

    /// <summary>Tasks started (not found), for tests and diagnostics.</summary>
    public int Started { get; private set; }

    public void Clear() => _items.Clear();

    public Task<TValue> GetOrStart(TKey key, Func<Task<TValue>> start)
    {
        var node = _items.First;
        while (node is not null && !EqualityComparer<TKey>.Default.Equals(node.Value.Key, key))
        {
            node = node.Next;
        }
        if (node is not null)
        {
            _items.Remove(node);
        }
        if (node is null || node.Value.Task.IsFaulted)
        {
            node = new LinkedListNode<(TKey, Task<TValue>)>((key, start()));
            Started++;
            if (_items.Count >= capacity)
            {
                _items.RemoveLast();
            }
        }
        _items.AddFirst(node);
        return node.Value.Task;
    }
}
