using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The same request gives the same run, so the page and the API share a small LRU of runs. Each entry is
/// tagged with the data version (the newest import that added or changed a row); a newer version empties
/// the cache, so an import from any process invalidates it. Runs execute on the thread pool, never on the
/// caller's (a Blazor circuit's) thread, and a caller that cancels stops waiting without cancelling the
/// run other callers may share.
/// </summary>
public sealed class ForecastCache(ForecastEngine engine, IDbContextFactory<DigitalTwinDbContext> contexts)
{
    public const int Capacity = 16;

    private readonly Lock _lock = new();
    private readonly LinkedList<(ForecastRequest Request, Task<ForecastRun> Run)> _recent = new();
    private int _version = -1;

    /// <summary>Runs actually computed (not served from the cache), for tests and diagnostics.</summary>
    public int Computed { get; private set; }

    public async Task<ForecastRun> GetAsync(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        request.Validate();
        var version = await DataVersionAsync(cancellationToken);
        Task<ForecastRun> run;
        lock (_lock)
        {
            if (version != _version)
            {
                _recent.Clear();
                _version = version;
            }
            var node = _recent.First;
            while (node is not null && node.Value.Request != request)
            {
                node = node.Next;
            }
            if (node is not null)
            {
                _recent.Remove(node);
            }
            if (node is null || node.Value.Run.IsFaulted)
            {
                node = new LinkedListNode<(ForecastRequest, Task<ForecastRun>)>((request, Task.Run(() => engine.RunAsync(request), CancellationToken.None)));
                Computed++;
                if (_recent.Count >= Capacity)
                {
                    _recent.RemoveLast();
                }
            }
            _recent.AddFirst(node);
            run = node.Value.Run;
        }
        return await run.WaitAsync(cancellationToken);
    }

    private async Task<int> DataVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PowerImports.AsNoTracking()
            .Where(i => i.RowsNew + i.RowsChanged > 0)
            .MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
    }
}
