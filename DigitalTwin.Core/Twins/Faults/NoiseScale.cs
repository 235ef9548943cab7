namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// A robust running estimate of a residual's standard deviation: an exponentially weighted mean of absolute
/// residuals, each clipped at <see cref="Clip"/> scales so outliers barely move it (1.2533 × mean |r| = σ for
/// Gaussian noise). Floored at a fraction of the sensor's resolution, as a quantised sensor can read the same twice.
/// </summary>
internal sealed class NoiseScale(double alpha, double clip)
{
    private double _meanAbs;
    private int _count;

    public double Clip => clip;

    /// <summary>Residuals learned so far.</summary>
    public int Count => _count;

    /// <summary>The smallest change the sensor reports (learned: the smallest non-zero change seen).</summary>
    public double Resolution { get; private set; } = double.PositiveInfinity;

    public double Sigma => Math.Max(_meanAbs * RobustSigma.MeanAbsToSigma, double.IsFinite(Resolution) ? 0.5 * Resolution : 1e-6);

    public void NoteChange(double change)
    {
        var size = Math.Abs(change);
        if (size > 1e-9 && size < Resolution)
        {
            Resolution = size;
        }
    }

    public void Add(double residual)
    {
        var size = Math.Abs(residual);
        if (_count > 0)
        {
            size = Math.Min(size, clip * Sigma);
        }
        // Faster at first (a plain mean), so the scale is usable after a few readings.
        var weight = Math.Max(alpha, 1.0 / ++_count);
        _meanAbs += weight * (size - _meanAbs);
    }
}
