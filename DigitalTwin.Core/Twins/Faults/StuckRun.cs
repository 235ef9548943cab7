namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// Repeats of the exact same value, judged against how often this sensor repeats itself. A quantised sensor in a
/// calm room repeats a lot, a noisy one never: the run that counts as stuck is long enough that the learned repeat
/// rate makes it improbable (p^n &lt; 1e-4), and 1.5 × the longest ordinary run of the last days, and at least 4 readings.
/// </summary>
internal sealed class StuckRun
{
    private const int MinimumRun = 4;
    private const double Improbable = 1e-4;
    private const double RateMemory = 0.01;
    private static readonly TimeSpan LongestRunMemory = TimeSpan.FromDays(3);

    private double _repeatRate = 0.1;
    private double _longestRun;

    /// <summary>Readings in the current run of equal values (1 = the value differs from the one before).</summary>
    public int Length { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public int Limit => (int)Math.Max(MinimumRun, Math.Max(
        Math.Ceiling(Math.Log(Improbable) / Math.Log(Math.Clamp(_repeatRate, 0.01, 0.97))),
        Math.Ceiling(1.5 * _longestRun)));

    public bool IsStuck => Length >= Limit;

    public void Add(DateTimeOffset at, bool repeat, TimeSpan interval)
    {
        if (!repeat)
        {
            // A run that ended below the limit was ordinary; a stuck one must not teach the sensor to repeat.
            if (Length > 1 && Length < Limit)
            {
                _longestRun = Math.Max(_longestRun, Length);
            }
            Length = 1;
            Since = at;
        }
        else
        {
            Length++;
        }
        if (Length < Limit)
        {
            _repeatRate += RateMemory * ((repeat ? 1.0 : 0.0) - _repeatRate);
        }
        // Forgets over days, whatever the reporting rate, so a quiet night is remembered until the next one.
        _longestRun *= interval > TimeSpan.Zero ? Math.Exp(-interval / LongestRunMemory) : 1;
    }
}
