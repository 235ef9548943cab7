namespace DigitalTwin.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a timeout passes; the timeout is patience, not a timing goal.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:N0} s waiting for: {what ?? "condition"}");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Polls <paramref name="get"/> until <paramref name="done"/> holds for its value; returns that value for asserts.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> get, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var last = default(T);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            last = await get();
            if (done(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:N0} s waiting for: {what ?? "condition"}; last value: {last}");
            }
            await Task.Delay(PollInterval);
        }
    }
}
