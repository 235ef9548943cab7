namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>The model names a <see cref="ForecastRequest"/> accepts.</summary>
public static class ForecastModels
{
    public const string Auto = "auto";
    public const string Naive = "naive";
    public const string SeasonalNaive = "seasonal-naive";
    public const string YearOnYear = "year-on-year";
    public const string Ets = "ets";
    public const string Ml = "ml";
    public const string ProvinceShape = "province-shape";
    public const string ProvinceRatio = "province-ratio";
    public const string Ensemble = "ensemble";

    /// <summary>
    /// The concrete models, simplest first: on a tie in backtests, auto keeps the simpler one. Drift (naive plus
    /// the average monthly change) was dropped: on the shipped data its MAE did not beat naive (ratio 1.01).
    /// </summary>
    public static readonly IReadOnlyList<string> Concrete = [Naive, SeasonalNaive, YearOnYear, ProvinceShape, ProvinceRatio, Ets, Ml];

    /// <summary>Every model whose rows a run returns and scores side by side: the concrete ones and their <see cref="Ensemble"/>.</summary>
    public static readonly IReadOnlyList<string> Scored = [.. Concrete, Ensemble];

    public static readonly IReadOnlyList<string> All = [Auto, .. Scored];

    /// <summary>The order of the side-by-side table: auto, then the peer it must beat, then the rest.</summary>
    public static readonly IReadOnlyList<string> Compared = [Auto, ProvinceRatio, .. Scored.Where(m => m != ProvinceRatio)];
}
