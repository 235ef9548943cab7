namespace DigitalTwin.Core.Twins.Model;

/// <summary>
/// The fallback for a device that reports neither heater nor outdoor temperature: a level, an hour-of-day profile
/// around it, and the current anomaly decaying back to them (AR(1)), all exponentially weighted.
/// </summary>
/// <remarks>
/// The memories are set in time, not in samples, so they mean the same at any reporting rate: the level forgets
/// over a day, each hour's profile value over three days of that hour. The anomaly term makes a short-horizon
/// forecast close to the last value (which is hard to beat a step ahead) and a long one close to the profile.
/// </remarks>
public sealed class DailyProfileModel
{
    public const int Slots = 24;

    private static readonly TimeSpan LevelMemory = TimeSpan.FromDays(1);
    private static readonly TimeSpan ProfileMemory = TimeSpan.FromDays(3);

    private readonly double _alpha;
    private readonly double _gamma;
    private readonly double _lambda;
    private readonly double[] _profile = new double[Slots];
    private double _level;
    private double? _anomaly;
    private double _rr;
    private double _rr1;
    private double _weight;

    public DailyProfileModel(TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        Step = step;
        _alpha = Math.Min(0.5, step / LevelMemory);
        // Each hour's value is updated by the samples of that hour only: (1 h / step) of them a day.
        _gamma = Math.Min(0.5, step / (ProfileMemory / Slots));
        _lambda = 1.0 - Math.Min(0.5, step / ProfileMemory);
    }

    public TimeSpan Step { get; }

    public int Samples { get; private set; }

    public void Observe(DateTimeOffset time, double value)
    {
        if (!double.IsFinite(value))
        {
            _anomaly = null;
            return;
        }
        var slot = Slot(time);
        if (Samples == 0)
        {
            _level = value;
        }
        var anomaly = value - _level - _profile[slot];
        if (_anomaly is { } previous)
        {
            _rr = (_lambda * _rr) + (previous * previous);
            _rr1 = (_lambda * _rr1) + (previous * anomaly);
            _weight = (_lambda * _weight) + 1.0;
        }
        _level = (_alpha * (value - _profile[slot])) + ((1 - _alpha) * _level);
        _profile[slot] = (_gamma * (value - _level)) + ((1 - _gamma) * _profile[slot]);
        _anomaly = value - _level - _profile[slot];
        Samples++;
    }

    /// <summary>How much of the current anomaly is left a step later (0..1).</summary>
    public double Persistence => _rr > 0 ? Math.Clamp(_rr1 / _rr, 0.0, 0.999) : 0.0;

    /// <summary>Standard deviation of the anomaly around level + profile.</summary>
    public double AnomalySigma => _weight > 0 ? Math.Sqrt(_rr / _weight) : 0.0;

    /// <summary>Half the peak-to-trough swing of the hour-of-day profile.</summary>
    public double ProfileAmplitude => (_profile.Max() - _profile.Min()) / 2.0;

    public double Level => _level;

    /// <summary>The expected value <paramref name="steps"/> steps after the last observation at <paramref name="last"/>, and its standard deviation.</summary>
    public (double Value, double Sigma) Forecast(DateTimeOffset last, int steps)
    {
        var decay = Math.Pow(Persistence, steps);
        var value = _level + _profile[Slot(last + (Step * steps))] + (decay * (_anomaly ?? 0.0));
        var sigma = AnomalySigma * Math.Sqrt(Math.Max(1.0 - (decay * decay), 1.0 - (Persistence * Persistence)));
        return (value, sigma);
    }

    private static int Slot(DateTimeOffset time) => time.Hour % Slots;
}
