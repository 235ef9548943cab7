namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Forecast every district's <paramref name="ContractType"/> for the <paramref name="Horizon"/> months after
/// <paramref name="Cutoff"/> (the last month the models may see) with <paramref name="Model"/>
/// (one of <see cref="ForecastModels.All"/>).
/// </summary>
public sealed record ForecastRequest(YearMonth Cutoff, int Horizon, string ContractType, string Model = ForecastModels.Auto)
{
    public const int MaxHorizon = 12;

    public IReadOnlyList<YearMonth> Targets => [.. Enumerable.Range(1, Horizon).Select(Cutoff.AddMonths)];

    public void Validate()
    {
        if (Horizon is < 1 or > MaxHorizon)
        {
            throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, $"Horizon must be 1..{MaxHorizon}.");
        }
        if (!ForecastModels.All.Contains(Model))
        {
            throw new ArgumentException($"Unknown model '{Model}'; expected one of {string.Join(", ", ForecastModels.All)}.", nameof(Model));
        }
        if (ContractTypes.Normalize(ContractType) != ContractType)
        {
            throw new ArgumentException($"Unknown contract type '{ContractType}'.", nameof(ContractType));
        }
    }
}
