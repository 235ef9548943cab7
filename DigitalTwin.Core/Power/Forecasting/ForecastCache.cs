using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The same request gives the same run, so the page and the API share a small LRU of runs. Each entry is
/// tagged with the data version (the newest import that added or changed a row); a newer version empties
/// the cache, so an import from any process invalidates it. Runs execute on the thread pool, never on the
/// caller's (a Blazor circuit's) thread, and a caller that cancels stops waiting without cancelling the
/// run other callers may share. Requests at the same cutoff (another contract type, horizon or model) share
/// that cutoff's engine, so its models and ML training are built once: an analyst switching the contract type
/// waits for the new rows only.
/// </summary>
public sealed class ForecastCache(ForecastEngine engine, IDbContextFactory<DigitalTwinDbContext> contexts)
{
    public const int Capacity = 16;

    /// <summary>Cutoffs whose engines are kept: each holds its history and trained models.</summary>
    public const int CutoffCapacity = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<(ForecastRequest Request, Task<ForecastRun> Run)> _recent = new();
    private readonly LinkedList<(YearMonth Cutoff, Task<SharedForecaster> Forecaster)> _cutoffs = new();
    private int _version = -1;

    /// <summary>Runs actually computed (not served from the cache), for tests and diagnostics.</summary>
    public int Computed { get; private set; }

    /// <summary>Cutoff engines built (each loads the history and trains its models once), for tests and diagnostics.</summary>
    public int ForecastersBuilt { get; private set; }

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
                _cutoffs.Clear();
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
                var forecaster = ForecasterAt(request.Cutoff);
                node = new LinkedListNode<(ForecastRequest, Task<ForecastRun>)>((request, Task.Run(() => RunAsync(forecaster, request), CancellationToken.None)));
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

    private async Task<ForecastRun> RunAsync(Task<SharedForecaster> forecaster, ForecastRequest request)
    {
        var shared = await forecaster;
        return shared.Run(request, await engine.ActualsAsync(request.Cutoff, request.Horizon, request.ContractType));
    }

    /// <summary>The cutoff's engine, built on the thread pool the first time; called under the lock.</summary>
    private Task<SharedForecaster> ForecasterAt(YearMonth cutoff)
    {
        var node = _cutoffs.First;
        while (node is not null && node.Value.Cutoff != cutoff)
        {
            node = node.Next;
        }
        if (node is not null)
        {
            _cutoffs.Remove(node);
        }
        if (node is null || node.Value.Forecaster.IsFaulted)
        {
            node = new LinkedListNode<(YearMonth, Task<SharedForecaster>)>(
                (cutoff, Task.Run(async () => new SharedForecaster(await engine.ForecasterAsync(cutoff)), CancellationToken.None)));
            ForecastersBuilt++;
            if (_cutoffs.Count >= CutoffCapacity)
            {
                _cutoffs.RemoveLast();
            }
        }
        _cutoffs.AddFirst(node);
        return node.Value.Forecaster;
    }

    /// <summary>A <see cref="Forecaster"/> (not thread-safe) that runs one request at a time.</summary>
    private sealed class SharedForecaster(Forecaster forecaster)
    {
        private readonly Lock _gate = new();

        public ForecastRun Run(ForecastRequest request, PowerHistory actuals)
        {
            lock (_gate)
            {
                return forecaster.Run(request, actuals);
            }
        }
    }

    private async Task<int> DataVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PowerImports.AsNoTracking()
            .Where(i => i.RowsNew + i.RowsChanged > 0)
            .MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
    }
}
