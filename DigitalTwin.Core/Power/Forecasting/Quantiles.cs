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
}
