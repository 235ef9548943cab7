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
        var forecaster = await ForecasterAsync(request.Cutoff, cancellationToken);
        return forecaster.Run(request, await ActualsAsync(request.Cutoff, request.Horizon, request.ContractType, cancellationToken));
    }

    /// <summary>Every contract type for one cutoff, sharing the models (and the ML training) of that cutoff.</summary>
    public async Task<IReadOnlyList<ForecastRun>> RunAllContractTypesAsync(YearMonth cutoff, int horizon, string model, CancellationToken cancellationToken = default)
    {
        var forecaster = await ForecasterAsync(cutoff, cancellationToken);
        var actuals = await ActualsAsync(cutoff, horizon, null, cancellationToken);
        return [.. ContractTypes.All.Select(type => forecaster.Run(new ForecastRequest(cutoff, horizon, type, model), actuals))];
    }

    /// <summary>An engine over the history up to <paramref name="cutoff"/>: every request at that cutoff can share it.</summary>
    /// <remarks>The ML model learns across contract types, so the history is loaded for all of them.</remarks>
    public async Task<Forecaster> ForecasterAsync(YearMonth cutoff, CancellationToken cancellationToken = default) =>
        new(PowerHistory.FromRows(await queries.UsageAsync(new UsageFilter(To: cutoff), cancellationToken)));

    /// <summary>The actuals of the target months, of one contract type or (null) of all.</summary>
    public async Task<PowerHistory> ActualsAsync(YearMonth cutoff, int horizon, string? contractType, CancellationToken cancellationToken = default) =>
        PowerHistory.FromRows(await queries.UsageAsync(
            new UsageFilter(ContractType: contractType, From: cutoff.AddMonths(1), To: cutoff.AddMonths(horizon)), cancellationToken));
}
