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
    private readonly RecentTasks<ForecastRequest, ForecastRun> _runs = new(Capacity);
    private readonly RecentTasks<YearMonth, SharedForecaster> _cutoffs = new(CutoffCapacity);
    private int _version = -1;

    /// <summary>Runs actually computed (not served from the cache), for tests and diagnostics.</summary>
    public int Computed => _runs.Started;

    /// <summary>Cutoff engines built (each loads the history and trains its models once), for tests and diagnostics.</summary>
    public int ForecastersBuilt => _cutoffs.Started;

    public async Task<ForecastRun> GetAsync(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        request.Validate();
        var version = await DataVersionAsync(cancellationToken);
        Task<ForecastRun> run;
        lock (_lock)
        {
            if (version != _version)
            {
                _runs.Clear();
                _cutoffs.Clear();
                _version = version;
            }
            run = _runs.GetOrStart(request, () =>
            {
                var forecaster = _cutoffs.GetOrStart(request.Cutoff,
                    () => Task.Run(async () => new SharedForecaster(await engine.ForecasterAsync(request.Cutoff)), CancellationToken.None));
                return Task.Run(() => RunAsync(forecaster, request), CancellationToken.None);
            });
        }
        return await run.WaitAsync(cancellationToken);
    }

    private async Task<ForecastRun> RunAsync(Task<SharedForecaster> forecaster, ForecastRequest request)
    {
        var shared = await forecaster;
        return shared.Run(request, await engine.ActualsAsync(request.Cutoff, request.Horizon, request.ContractType));
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
