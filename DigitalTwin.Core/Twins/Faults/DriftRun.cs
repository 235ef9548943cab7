namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// A creeping bias, judged half hour by half hour: how far each half hour's change strays from the change this half
/// hour brought on earlier days, in the usual size of such strays, summed one-sidedly (CUSUM) up and down. Each half
/// hour counts at most <see cref="Clip"/> scales, so a room's sudden jump weighs no more than one step of a creep: what
/// adds up is a run of half hours that keep straying the same way. A run is a drift once it reaches the limit and has
/// taken the readings away from their usual level at this time of day (by at least <see cref="Away"/> of what crept);
/// a room coming back to its usual course is not one.
/// </summary>
/// <remarks>
/// The references are profiles per half hour of the day (the change it brings, the level, the size of its strays),
/// each learned from about three days of that half hour, so a bias that grows over hours cannot teach them, and a half
/// hour judged a drift teaches them nothing. The strays' sizes are learned from the second day, nothing is judged
/// before the third; a stray is scaled by the larger of the sensor's usual stray and this half hour's, so a busy
/// morning is not judged by a quiet night. Half hours rather than readings, so a sensor that reports every minute gets
/// the same 48 chances a day to raise a false alarm as one that reports every half hour. 48 slots: memory is bounded,
/// each reading O(1).
/// </remarks>
internal sealed class DriftRun(double limit, double noiseClip)
{
    /// <summary>The most one half hour adds, in scales: a sudden jump is the fast-change test's, not this one's.</summary>
    public const double Clip = 0.5;

    /// <summary>What each half hour takes off, in scales: strays smaller than this on average never add up.</summary>
    public const double Slack = 0.1;

    /// <summary>How far from the usual level a drift must have taken the readings, as a share of what crept.</summary>
    public const double Away = 0.5;

    private const int Slots = DailyChangePredictor.Slots;
    private const int ProfileDays = 3;
    private const int JudgeAfterDays = 2;

    /// <summary>Half hours whose strays have taught the scale before it judges (six hours).</summary>
    private const int ScaleWarmup = 12;

    private readonly double[] _change = new double[Slots];
    private readonly double[] _level = new double[Slots];
    private readonly double[] _stray = new double[Slots];
    private readonly int[] _days = new int[Slots];
    private readonly int[] _strayDays = new int[Slots];
    private readonly NoiseScale _scale = new(alpha: 0.02, clip: noiseClip);
    private (DateTimeOffset At, double Value)? _blockStart;
    private Side _up;
    private Side _down;

    /// <summary>The larger of the two sums, in scales.</summary>
    public double Score => Math.Max(_up.Sum, _down.Sum);

    /// <summary>Raised once the run reaches the limit away from the usual level; held until it falls below half the limit.</summary>
    public bool IsDrift { get; private set; }

    /// <summary>Readings drift upwards (else downwards).</summary>
    public bool Rising => _up.Sum >= _down.Sum;

    /// <summary>When the current run began (the start of its first half hour).</summary>
    public DateTimeOffset Since => Rising ? _up.Since : _down.Since;

    /// <summary>How far the readings strayed from the usual course over the run, in the metric's unit (signed).</summary>
    public double Bias => Rising ? _up.Strayed : _down.Strayed;

    /// <summary>A reading the detector found normal (outliers and spikes never come here).</summary>
    public void Add(DateTimeOffset at, double value)
    {
        if (_blockStart is not { } start)
        {
            _blockStart = (at, value);
            return;
        }
        var slot = Slot(start.At);
        if (Slot(at) == slot && at - start.At < TimeSpan.FromMinutes(30))
        {
            return;
        }
        _blockStart = (at, value);
        var change = value - start.Value;
        if (_days[slot] > 0)
        {
            Judge(slot, start.At, change - _change[slot]);
        }
        if (_days[slot] >= JudgeAfterDays)
        {
            var next = Slot(at);
            var away = _days[next] > 0 ? value - _level[next] : 0;
            IsDrift = IsDrift
                ? Score >= limit / 2
                : Score >= limit && Math.Sign(away) == Math.Sign(Bias) && Math.Abs(away) >= Away * Math.Abs(Bias);
        }
        if (!IsDrift)
        {
            var weight = 1.0 / Math.Min(++_days[slot], ProfileDays);
            _change[slot] += weight * (change - _change[slot]);
            _level[slot] += weight * (start.Value - _level[slot]);
        }
    }

    /// <summary>After a gap or a jump: the room may be anywhere, so the runs start again from here.</summary>
    public void Reset(DateTimeOffset at, double value)
    {
        _blockStart = (at, value);
        _up = _down = default;
        IsDrift = false;
    }

    private void Judge(int slot, DateTimeOffset blockStart, double excess)
    {
        if (_scale.Count >= ScaleWarmup && _days[slot] >= JudgeAfterDays)
        {
            var scale = Math.Max(_scale.Sigma, _stray[slot] * RobustSigma.MeanAbsToSigma);
            var u = Math.Clamp(excess / scale, -Clip, Clip);
            _up = _up.Add(u, excess, blockStart);
            _down = _down.Add(-u, excess, blockStart);
        }
        _scale.Add(excess);
        _stray[slot] += (Math.Abs(excess) - _stray[slot]) / Math.Min(++_strayDays[slot], ProfileDays);
    }

    private static int Slot(DateTimeOffset at) => (int)(at.TimeOfDay.TotalMinutes / (24 * 60 / Slots)) % Slots;

    private readonly record struct Side(double Sum, DateTimeOffset Since, double Strayed)
    {
        public Side Add(double u, double excess, DateTimeOffset blockStart)
        {
            var sum = Math.Max(0, Sum + u - Slack);
            return sum == 0 ? default : Sum == 0 ? new Side(sum, blockStart, excess) : new Side(sum, Since, Strayed + excess);
        }
    }
}
