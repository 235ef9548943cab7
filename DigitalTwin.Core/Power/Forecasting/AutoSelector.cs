using System.Globalization;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Auto's fallback where the <see cref="Ensemble"/> does not forecast every target: picks, per district, the model with the lowest backtest MAPE among those that can forecast it now.
/// Without any backtest (too little history before the cutoff) it falls back to the model that needs least:
/// the province shape if there is one, else seasonal naive, else naive.
/// </summary>
public static class AutoSelector
{
    private static readonly string[] Fallback = [ForecastModels.ProvinceShape, ForecastModels.SeasonalNaive, ForecastModels.Naive];

    public static (ModelForecast Forecast, string Reason) Choose(IReadOnlyDictionary<string, ModelForecast> candidates, IEnumerable<BacktestPoint> backtests)
    {
        var mape = backtests
            .Where(p => p.Recent && !double.IsNaN(p.AbsPctError) && candidates.TryGetValue(p.Model, out var c) && c.IsComplete)
            .GroupBy(p => p.Model)
            .Select(g => (Model: g.Key, Mape: g.Average(p => p.AbsPctError), Count: g.Count()))
            .OrderBy(s => s.Mape).ThenBy(s => IndexOf(s.Model))
            .ToList();
        if (mape.Count > 0)
        {
            var best = mape[0];
            var others = string.Join(", ", mape.Skip(1).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Model} {s.Mape:0.0} %")));
            return (candidates[best.Model], string.Create(
                CultureInfo.InvariantCulture,
                $"auto: lowest backtest MAPE {best.Mape:0.0} % on {best.Count} points before the cutoff{(others.Length > 0 ? $" (vs {others})" : "")}"));
        }
        foreach (var name in Fallback)
        {
            if (candidates.TryGetValue(name, out var c) && c.IsComplete)
            {
                return (c, $"auto: no backtest possible before the cutoff, fell back to {name}");
            }
        }
        return (candidates.Values.FirstOrDefault(c => c.IsComplete) ?? candidates[ForecastModels.Naive], "auto: no model has a backtest");
    }

    private static int IndexOf(string model)
    {
        for (var i = 0; i < ForecastModels.Concrete.Count; i++)
        {
            if (ForecastModels.Concrete[i] == model)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
