namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// The one-step predictor: the last value, plus the change this time of day usually brings (a half-hourly profile
/// of changes, learned over days, so the 6 am heating and the evening cool-down are expected), plus what is left of
/// the last unexpected change (AR(1) on changes). Also keeps, per half hour, how large its misses usually are, so
/// a busy hour is judged by its own noise and a quiet night by its own.
/// </summary>
/// <remarks>
/// Memories are set in time, as in <see cref="Model.DailyProfileModel"/>: each half hour's profile forgets over about
/// three days of that half hour, whatever the reporting rate. 48 slots: memory is bounded, each reading O(1).
/// </remarks>
internal sealed class DailyChangePredictor
{
    public const int Slots = 48;
    private static readonly TimeSpan ProfileMemory = TimeSpan.FromDays(3);

    private readonly double[] _change = new double[Slots];
    private readonly double[] _miss = new double[Slots];
    private readonly int[] _seen = new int[Slots];
    private double _last;
    private double _anomaly;
    private double _rr;
    private double _rr1;

    /// <summary>How much of the last unexpected change carries into the next step (0..0.9).</summary>
    public double Persistence => _rr > 0 ? Math.Clamp(_rr1 / _rr, 0.0, 0.9) : 0.0;

    public double Last => _last;

    /// <summary>The value expected at <paramref name="at"/>, <paramref name="steps"/> usual intervals after the last reading.</summary>
    public double Predict(DateTimeOffset at, double steps)
    {
        var rho = Persistence;
        var carried = rho == 0 ? 0 : rho * (1 - Math.Pow(rho, steps)) / (1 - rho);
        return _last + (steps * _change[Slot(at)]) + (carried * _anomaly);
    }

    /// <summary>The standard deviation this half hour's misses usually have; null until the slot has been seen a few times.</summary>
    public double? SlotSigma(DateTimeOffset at)
    {
        var slot = Slot(at);
        return _seen[slot] >= 3 ? _miss[slot] * RobustSigma.MeanAbsToSigma : null;
    }

    public void Reset(double value)
    {
        _last = value;
        _anomaly = 0;
    }

    /// <summary>
    /// Learns how large this half hour's misses are, from every reading, outliers included (clipped): leaving them
    /// out would make the scale ever smaller than the room's real surprises, and every surprise an alarm.
    /// </summary>
    public void NoteMiss(DateTimeOffset at, double miss, TimeSpan interval, double clip)
    {
        var slot = Slot(at);
        var weight = Math.Max(Gamma(interval), 1.0 / (_seen[slot] + 1));
        _miss[slot] += weight * (Math.Min(Math.Abs(miss), _seen[slot] >= 3 ? clip * _miss[slot] * RobustSigma.MeanAbsToSigma : double.MaxValue) - _miss[slot]);
        _seen[slot]++;
    }

    /// <param name="interval">The device's usual interval, which sets how fast each slot learns.</param>
    public void Update(DateTimeOffset at, double value, double steps, TimeSpan interval)
    {
        var slot = Slot(at);
        var change = (value - _last) / Math.Max(steps, 1e-3);
        var anomaly = change - _change[slot];
        _rr = (0.99 * _rr) + (_anomaly * _anomaly);
        _rr1 = (0.99 * _rr1) + (_anomaly * anomaly);
        _change[slot] += Gamma(interval) * (change - _change[slot]);
        _anomaly = change - _change[slot];
        _last = value;
    }

    private static double Gamma(TimeSpan interval) => Math.Clamp(interval / (ProfileMemory / Slots), 0.01, 0.5);

    private static int Slot(DateTimeOffset at) => (int)(at.TimeOfDay.TotalMinutes / (24 * 60 / Slots)) % Slots;
}
