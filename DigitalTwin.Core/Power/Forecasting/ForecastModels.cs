namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>The model names a <see cref="ForecastRequest"/> accepts.</summary>
public static class ForecastModels
{
    public const string Auto = "auto";
    public const string Naive = "naive";
    public const string SeasonalNaive = "seasonal-naive";
    public const string Drift = "drift";
    public const string Ets = "ets";
    public const string Ml = "ml";
    public const string ProvinceShape = "province-shape";

    /// <summary>The concrete models, simplest first: on a tie in backtests, auto keeps the simpler one.</summary>
    public static readonly IReadOnlyList<string> Concrete = [Naive, SeasonalNaive, Drift, ProvinceShape, Ets, Ml];

    public static readonly IReadOnlyList<string> All = [Auto, .. Concrete];
}
