using System.Globalization;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// Online fault detection for one device's metric: each reading is compared with a one-step prediction
/// (<see cref="DailyChangePredictor"/>), the residual scaled by a robust noise estimate (<see cref="NoiseScale"/>), and judged
/// for the <see cref="FaultKind"/>s. O(1) time and memory per reading; not thread-safe (one writer per device).
/// </summary>
/// <remarks>
/// Every reading is judged again when the next one comes, between its two neighbours (<see cref="SpikeBetween"/>):
/// that test alone names a <see cref="FaultKind.Spike"/>, as the slope seen from both sides makes it sharper than a
/// one-step miss. An outlier of the one-step test is held for one reading: staying away makes it a
/// <see cref="FaultKind.FastChange"/> (the predictor then restarts at the new level). Outliers never teach the
/// predictor or the noise scale, so a fault does not hide itself. A <see cref="FaultKind.Drift"/> is judged apart
/// (<see cref="DriftRun"/>), half hour by half hour against the course earlier days took, as the one-step prediction
/// follows a slow creep step by step.
/// </remarks>
public sealed class FaultDetector(FaultDetectorSettings settings)
{
    private const double IntervalMemory = 0.05;

    /// <summary>Misses are clipped at this many thresholds before they teach the noise scale: tails count, a wild value barely.</summary>
    private const double NoiseClip = 2;

    private readonly DailyChangePredictor _predictor = new();
    private readonly NoiseScale _noise = new(alpha: 0.02, clip: settings.Sigmas);
    private readonly StuckRun _stuck = new();
    private readonly SpikeBetween _between = new(settings.Sigmas);
    private readonly DriftRun _drift = new(settings.DriftLimit, settings.Sigmas);
    private int _count;
    private DateTimeOffset _lastAt;
    private (DateTimeOffset At, double Value)? _beforeLast;
    private DateTimeOffset _modelAt;
    private double _lastValue;
    private double _interval;
    private (DateTimeOffset At, double Z)? _outlier;

    public FaultDetector()
        : this(FaultDetectorSettings.Default)
    {
    }

    public FaultDetectorSettings Settings => settings;

    /// <summary>The robust standard deviation of the one-step residual.</summary>
    public double NoiseSigma => _noise.Sigma;

    /// <summary>The device's usual interval between readings (zero until two have arrived).</summary>
    public TimeSpan UsualInterval => TimeSpan.FromSeconds(_interval);

    public bool IsWarm => _count > settings.Warmup;

    /// <summary>The value expected at <paramref name="at"/> (NaN before the first reading).</summary>
    public double Predict(DateTimeOffset at) => _count == 0 ? double.NaN : _predictor.Predict(at, Steps(at - _modelAt));

    /// <summary>Judges one reading; returns the fault it shows (or ends), null when it looks normal.</summary>
    public FaultVerdict? Observe(DateTimeOffset at, double value)
    {
        if (!double.IsFinite(value) || (_count > 0 && at <= _lastAt))
        {
            return null; // a late or repeated reading: the detector already judged a newer one
        }
        if (_count == 0)
        {
            Start(at, value);
            return null;
        }
        var gap = (at - _lastAt).TotalSeconds;
        var dropout = IsWarm ? Silence(_lastAt, at) : null;
        LearnInterval(gap);
        _stuck.Add(at, value == _lastValue, UsualInterval);
        _noise.NoteChange(value - _lastValue);
        var verdict = dropout ?? SpikeVerdict(at, value) ?? Judge(at, value);
        // The next reading judges this one between its neighbours, unless a gap came before it.
        _beforeLast = dropout is null ? (_lastAt, _lastValue) : null;
        _lastAt = at;
        _lastValue = value;
        _count++;
        if (dropout is not null)
        {
            Restart(at, value); // after a long gap the room may be anywhere: no prediction to hold it to
        }
        // A stuck value is the sharper diagnosis: a sensor that stopped also stops following the day.
        return verdict is null or { Kind: FaultKind.Drift } ? StuckVerdict(at, value) ?? verdict : verdict;
    }

    /// <summary>For a ticking caller: a dropout once the silence since the last reading is long enough, else null.</summary>
    public FaultVerdict? Silence(DateTimeOffset now) => IsWarm ? Silence(_lastAt, now) : null;

    private FaultVerdict? Silence(DateTimeOffset last, DateTimeOffset now)
    {
        var limit = TimeSpan.FromSeconds(settings.DropoutIntervals * _interval);
        return now - last > limit
            ? new FaultVerdict(FaultKind.Dropout, last, last + limit, _lastValue, (now - last) / UsualInterval,
                FaultMessages.Dropout.Format(MessageTemplate.Duration(now - last), MessageTemplate.Duration(UsualInterval)))
            : null;
    }

    /// <summary>
    /// The last reading judged between the one before and this one: the one test that names a spike, whether or not
    /// the one-step test held the reading. The predictor, which may have learned the spike, starts again from here.
    /// </summary>
    private FaultVerdict? SpikeVerdict(DateTimeOffset at, double value)
    {
        if (_beforeLast is not { } before || at - before.At > 4 * UsualInterval)
        {
            return null;
        }
        if (_between.Judge(before.Value, _lastValue, value, IsWarm) is not { } scales)
        {
            return null;
        }
        _outlier = null;
        _modelAt = at;
        _predictor.Reset(value);
        return new FaultVerdict(FaultKind.Spike, _lastAt, at, _lastValue, scales,
            FaultMessages.Spike.Format(Format(_lastValue), Format(before.Value), Format(value), scales.ToString("0.#", CultureInfo.InvariantCulture)));
    }

    private FaultVerdict? Judge(DateTimeOffset at, double value)
    {
        var sigma = Math.Max(_noise.Sigma, _predictor.SlotSigma(at) ?? 0);
        var steps = Steps(at - _modelAt);
        if (_outlier is { } held)
        {
            _outlier = null;
            var z = (value - _predictor.Predict(at, steps)) / sigma;
            if (Math.Abs(z) < settings.Sigmas || Math.Sign(z) != Math.Sign(held.Z))
            {
                // Back near the prediction, yet not a spike between its neighbours: the room's own turn, learned.
                Learn(at, value, steps);
                return DriftVerdict(at, value);
            }
            Restart(at, value);
            return new FaultVerdict(FaultKind.FastChange, held.At, at, value, Math.Abs(held.Z),
                FaultMessages.FastChange.Format(Format(value - (held.Z * sigma)), Format(value), MessageTemplate.Duration(at - _lastAt)));
        }
        var miss = value - _predictor.Predict(at, steps);
        var residual = miss / sigma;
        NoteMiss(at, miss);
        if (IsWarm && Math.Abs(residual) >= settings.Sigmas)
        {
            _outlier = (at, residual);
            return DriftVerdict(at, value); // a drift under way goes on while an outlier waits for its next reading
        }
        Learn(at, value, steps);
        return IsWarm ? DriftVerdict(at, value) : null;
    }

    private void Learn(DateTimeOffset at, double value, double steps)
    {
        _drift.Add(at, value);
        _predictor.Update(at, value, steps, UsualInterval);
        _modelAt = at;
    }

    private void NoteMiss(DateTimeOffset at, double miss)
    {
        _noise.Add(miss);
        _predictor.NoteMiss(at, miss, UsualInterval, NoiseClip * settings.Sigmas);
    }

    private FaultVerdict? DriftVerdict(DateTimeOffset at, double value) => _drift.IsDrift
        ? new FaultVerdict(FaultKind.Drift, _drift.Since, at, value, _drift.Score,
            (_drift.Rising ? FaultMessages.DriftAbove : FaultMessages.DriftBelow).Format(
                Format(Math.Abs(_drift.Bias)), _drift.Since.ToString("HH:mm", CultureInfo.InvariantCulture), Format(value)))
        : null;

    private FaultVerdict? StuckVerdict(DateTimeOffset at, double value) => IsWarm && _stuck.IsStuck
        ? new FaultVerdict(FaultKind.Stuck, _stuck.Since, at, value, _stuck.Length,
            FaultMessages.Stuck.Format(Format(value), MessageTemplate.Duration(at - _stuck.Since), _stuck.Length))
        : null;

    private void Start(DateTimeOffset at, double value)
    {
        _lastAt = at;
        _lastValue = value;
        _count = 1;
        _modelAt = at;
        _predictor.Reset(value);
        _stuck.Add(at, repeat: false, TimeSpan.Zero);
    }

    private void Restart(DateTimeOffset at, double value)
    {
        _modelAt = at;
        _predictor.Reset(value);
        _outlier = null;
        _drift.Reset(at, value);
    }

    private void LearnInterval(double gap)
    {
        // Clamped, so one long gap (a dropout) or a burst does not redefine "usual".
        _interval = _interval == 0 ? gap : _interval + (IntervalMemory * (Math.Clamp(gap, 0.5 * _interval, 2 * _interval) - _interval));
    }

    private double Steps(TimeSpan gap) => _interval > 0 ? Math.Max(gap.TotalSeconds / _interval, 0.1) : 1;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
