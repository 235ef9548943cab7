namespace DigitalTwin.Core.Twins.Faults;

/// <param name="Sigmas">How many robust noise scales a residual must exceed to be a fault (lower = more sensitive).</param>
/// <param name="Warmup">Readings learned from before any verdict.</param>
/// <param name="DropoutIntervals">A gap longer than this many usual intervals is a dropout.</param>
public sealed record FaultDetectorSettings(double Sigmas = FaultDetectorSettings.MediumSigmas, int Warmup = 24, double DropoutIntervals = 4)
{
    public const double HighSigmas = 4;
    public const double MediumSigmas = 6;
    public const double LowSigmas = 8;

    public static readonly FaultDetectorSettings Default = new();

    /// <summary>
    /// The drift statistic's alarm level, in its own scales (<see cref="DriftRun"/>): half the threshold, so at least
    /// 2.5, 4 or 5 hours (high, medium, low sensitivity) of half hours that all stray the same way.
    /// </summary>
    public double DriftLimit => Sigmas / 2;
}
