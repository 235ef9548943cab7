namespace DigitalTwin.Core.Power.Forecasting;

public static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile of sorted values, linearly interpolated between neighbours.</summary>
    public static double Of(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>
    /// The split-conformal quantile: the ⌈(n + 1)·p⌉-th smallest of n sorted scores (the largest when that runs past
    /// n). A new score exchangeable with these falls at or below it with probability at least p, where the plain
    /// p-quantile of a few dozen scores falls short.
    /// </summary>
    public static double Conformal(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling((sorted.Count + 1) * p) - 1, 0, sorted.Count - 1)];
}
