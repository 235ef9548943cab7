namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// σ of noise from the mean absolute deviation (1.2533 × mean |r| = σ for Gaussian noise), the one yardstick the
/// detector, the series' noise and the maintenance scores share. A mean rather than a median, because a quantised
/// sensor in a calm room mostly reads the same value twice and its median change is zero.
/// </summary>
public static class RobustSigma
{
    public const double MeanAbsToSigma = 1.2533;

    /// <summary>σ of <paramref name="deviations"/> with the largest 5 % left out as the room's own events; non-finite ones are skipped.</summary>
    public static double Trimmed(IEnumerable<double> deviations)
    {
        var sizes = deviations.Where(double.IsFinite).Select(Math.Abs).Order().ToArray();
        var kept = sizes.Length == 0 ? 0 : (int)Math.Ceiling(0.95 * sizes.Length);
        return kept == 0 ? 0 : sizes.Take(kept).Average() * MeanAbsToSigma;
    }
}
