namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// A database read that a feed asks for from any thread and a live page does on its next refresh. A read that throws
/// (the database is briefly gone) stays asked for, so the refresh after it tries again: the page catches up once the
/// database is back instead of showing stale rows until the next change, and it stays "paused" meanwhile. An ask that
/// comes while a read runs is kept too: that read may have missed what the ask announced.
/// </summary>
/// <param name="reads">How many refreshes in a row read after an ask (a second read catches rows committed a moment later).</param>
public sealed class PendingReload(int reads = 1)
{
    private readonly Lock _lock = new();
    private int _remaining;
    private int _asks;

    public bool IsAsked
    {
        get
        {
            lock (_lock)
            {
                return _remaining > 0;
            }
        }
    }

    public void Ask()
    {
        lock (_lock)
        {
            _remaining = reads;
            _asks++;
        }
    }

    /// <summary>Reads when asked; true when it did. The renderer's thread only, one run at a time.</summary>
    public async Task<bool> RunAsync(Func<Task> read)
    {
        int asks;
        lock (_lock)
        {
            if (_remaining == 0)
            {
                return false;
            }
            asks = _asks;
        }
        await read();
        lock (_lock)
        {
            if (_asks == asks)
            {
                _remaining--;
            }
        }
        return true;
    }
}
