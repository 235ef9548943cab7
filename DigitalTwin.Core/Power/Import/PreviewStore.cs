namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// Parsed files waiting for their commit. Bounded in time (30 min) and count (8): a file of 30 years of every
/// district holds ~700,000 rows in memory, so abandoned previews must not pile up.
/// </summary>
internal sealed class PreviewStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int Capacity = 8;

    private readonly Dictionary<Guid, (ParsedFile File, string FileName, DateTimeOffset Expires)> _entries = [];
    private readonly Lock _lock = new();

    public void Add(Guid id, string fileName, ParsedFile file)
    {
        lock (_lock)
        {
            RemoveExpired();
            while (_entries.Count >= Capacity)
            {
                _entries.Remove(_entries.MinBy(e => e.Value.Expires).Key);
            }
            _entries[id] = (file, fileName, time.GetUtcNow() + Lifetime);
        }
    }

    public (ParsedFile File, string FileName)? Find(Guid id)
    {
        lock (_lock)
        {
            RemoveExpired();
            return _entries.TryGetValue(id, out var entry) ? (entry.File, entry.FileName) : null;
        }
    }

    public void Remove(Guid id)
    {
        lock (_lock)
        {
            _entries.Remove(id);
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var id in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(id);
        }
    }
}
