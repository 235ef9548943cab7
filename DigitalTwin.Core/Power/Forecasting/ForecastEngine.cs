namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Runs forecasts on the imported data. Reads the history up to the cutoff and, separately, the actuals of
/// the target months (for the error columns), so the models never get a row after the cutoff at all.
/// </summary>
public sealed class ForecastEngine(PowerQueries queries)
{
    public async Task<ForecastRun> RunAsync(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        request.Validate();
        var (history, actuals) = await LoadAsync(request.Cutoff, request.Horizon, request.ContractType, cancellationToken);
        return new Forecaster(history).Run(request, actuals);
    }

    /// <summary>Every contract type for one cutoff, sharing the models (and the ML training) of that cutoff.</summary>
    public async Task<IReadOnlyList<ForecastRun>> RunAllContractTypesAsync(YearMonth cutoff, int horizon, string model, CancellationToken cancellationToken = default)
    {
        var (history, actuals) = await LoadAsync(cutoff, horizon, null, cancellationToken);
        var forecaster = new Forecaster(history);
        return [.. ContractTypes.All.Select(type => forecaster.Run(new ForecastRequest(cutoff, horizon, type, model), actuals))];
    }

    /// <remarks>
    /// The ML model learns across contract types, so the history is loaded for all of them even when one is asked for.
    /// </remarks>
    private async Task<(PowerHistory History, PowerHistory Actuals)> LoadAsync(YearMonth cutoff, int horizon, string? contractType, CancellationToken cancellationToken)
    {
        var history = await queries.UsageAsync(new UsageFilter(To: cutoff), cancellationToken);
        var actuals = await queries.UsageAsync(new UsageFilter(ContractType: contractType, From: cutoff.AddMonths(1), To: cutoff.AddMonths(horizon)), cancellationToken);
        return (PowerHistory.FromRows(history), PowerHistory.FromRows(actuals));
    }
}
