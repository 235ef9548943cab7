namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// A database read that a feed asks for from any thread and a live page does on its next refresh. A read that throws
/// (the database is briefly gone) stays asked for, so the refresh after it tries again: the page catches up once the
/// database is back instead of showing stale rows until the next change, and it stays "paused" meanwhile.
/// </summary>
public sealed class PendingReload
{
    private int _remaining;

    public bool IsAsked => Volatile.Read(ref _remaining) > 0;

    /// <param name="times">How many refreshes in a row should read (a second read catches rows committed a moment later).</param>
    public void Ask(int times = 1)
    {
        var seen = Volatile.Read(ref _remaining);
        while (seen < times)
        {
            var was = Interlocked.CompareExchange(ref _remaining, times, seen);
            if (was == seen)
            {
                return;
            }
            seen = was;
        }
    }

    /// <summary>Reads when asked; true when it did. The renderer's thread only, one run at a time.</summary>
    public async Task<bool> RunAsync(Func<Task> read)
    {
        if (!IsAsked)
        {
            return false;
        }
        await read();
        Interlocked.Decrement(ref _remaining);
        return true;
    }
}
