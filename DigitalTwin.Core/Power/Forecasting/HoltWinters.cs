namespace DigitalTwin.Core.Power.Forecasting;

public enum Seasonality
{
    Additive,
    Multiplicative,
}

/// <summary>
/// Holt-Winters exponential smoothing (level, trend, 12-month season) on a gap-free series. Smoothing
/// constants come from a small grid by one-step-ahead squared error after the first season, which is
/// enough for 24..36 points and keeps a whole cutoff's fitting well under the time budget.
/// </summary>
public sealed record HoltWinters(Seasonality Seasonality, double Alpha, double Beta, double Gamma, double Sse)
{
    public const int Period = 12;

    private static readonly double[] Alphas = [0.1, 0.2, 0.4, 0.6, 0.8];
    private static readonly double[] Betas = [0.01, 0.05, 0.15];
    private static readonly double[] Gammas = [0.05, 0.15, 0.3, 0.5];

    public static HoltWinters Fit(IReadOnlyList<double> y, Seasonality seasonality)
    {
        HoltWinters? best = null;
        foreach (var alpha in Alphas)
        {
            foreach (var beta in Betas)
            {
                foreach (var gamma in Gammas)
                {
                    var sse = Run(y, seasonality, alpha, beta, gamma, 0, out _);
                    if (best is null || sse < best.Sse)
                    {
                        best = new HoltWinters(seasonality, alpha, beta, gamma, sse);
                    }
                }
            }
        }
        return best!;
    }

    /// <summary>Forecasts 1..<paramref name="steps"/> months after the last value of <paramref name="y"/>.</summary>
    public double[] Forecast(IReadOnlyList<double> y, int steps)
    {
        Run(y, Seasonality, Alpha, Beta, Gamma, steps, out var forecast);
        return forecast;
    }

    private static double Run(IReadOnlyList<double> y, Seasonality kind, double alpha, double beta, double gamma, int steps, out double[] forecast)
    {
        var multiplicative = kind == Seasonality.Multiplicative;
        var first = y.Take(Period).Average();
        var level = first;
        var trend = (y.Skip(Period).Take(Period).Average() - first) / Period;
        var season = y.Take(Period).Select(v => multiplicative ? v / first : v - first).ToArray();
        var sse = 0.0;
        for (var t = 0; t < y.Count; t++)
        {
            var s = season[t % Period];
            var predicted = multiplicative ? (level + trend) * s : level + trend + s;
            if (t >= Period)
            {
                sse += (y[t] - predicted) * (y[t] - predicted);
            }
            var previous = level;
            level = alpha * (multiplicative ? y[t] / s : y[t] - s) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            season[t % Period] = gamma * (multiplicative ? y[t] / level : y[t] - level) + (1 - gamma) * s;
        }
        forecast = new double[steps];
        for (var h = 1; h <= steps; h++)
        {
            var s = season[(y.Count - 1 + h) % Period];
            forecast[h - 1] = multiplicative ? (level + h * trend) * s : level + h * trend + s;
        }
        return sse;
    }
}
