namespace DigitalTwin.Core.Telemetry;

/// <summary>
/// Lets a refusal be logged once per burst (per key, at most every <see cref="Quiet"/>) and says how many were
/// not logged since, so a misbehaving client cannot flood the log.
/// </summary>
public sealed class BurstGate<TKey>
    where TKey : notnull
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, (DateTimeOffset LoggedAt, int Suppressed)> _bursts = [];

    public bool ShouldLog(TKey key, DateTimeOffset now, out int suppressed)
    {
        lock (_lock)
        {
            if (_bursts.TryGetValue(key, out var burst) && now - burst.LoggedAt < Quiet)
            {
                _bursts[key] = burst with { Suppressed = burst.Suppressed + 1 };
                suppressed = 0;
                return false;
            }
            suppressed = burst.Suppressed;
            _bursts[key] = (now, 0);
            return true;
        }
    }
}
