namespace DigitalTwin.Core.Twins.Model;

/// <summary>
/// A first-order (RC) room fitted online from indoor and outdoor temperature and, where reported, the heater:
/// T[k+1] − T_out[k] = a·(T[k] − T_out[k]) + c·heater[k] + d on a fixed step Δ, the exact discretisation of
/// dT/dt = (T_out − T)/τ + gain·heater + q with inputs held over a step. So τ = −Δ / ln a, the heater's steady lift
/// is c / (1 − a), its heating rate that lift over τ, and d / (1 − a) the warmth of other sources (people, sun).
/// </summary>
/// <remarks>
/// Regressing on the indoor–outdoor difference rather than on T alone is what makes τ identifiable in a
/// thermostat-controlled room: T stays within the thermostat's band, so only the outdoor swing moves the heat
/// loss enough to measure it. Least squares with a noisy reading as a regressor is still biased (read noise
/// shrinks a, which shortens τ when a is close to 1), so this is an instrumental-variable estimator: the previous
/// reading T[k−1], correlated with T[k] but not with its noise, instruments T[k]. The sums are exponentially
/// weighted (forgetting factor λ) and updated per sample in O(p²); the small system is solved when read, which
/// gives exactly what the recursive form (IV-RLS) would hold, without its P-matrix drift.
/// </remarks>
public sealed class RoomModel
{
    /// <summary>About 2,000 steps of memory: a day at 45 s, a week at 5 minutes.</summary>
    public const double DefaultForgetting = 1.0 - (1.0 / 2000.0);

    private const int WarmUp = 30;

    private readonly int _p;
    private readonly double _lambda;
    private readonly double[,] _zPhi;
    private readonly double[] _zY;
    private readonly double[] _phi;
    private readonly double[] _z;
    private double? _previous;
    private double? _current;
    private double _currentOutdoor;
    private double _currentHeater;
    private double[]? _theta;
    private int _sinceSolve;
    private double _e2;
    private double _e1e0;
    private double? _lastInnovation;
    private double _innovationWeight;

    public RoomModel(TimeSpan step, bool hasHeater, double forgetting = DefaultForgetting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        if (forgetting is <= 0.9 or > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(forgetting), "The forgetting factor must be in (0.9, 1].");
        }
        Step = step;
        HasHeater = hasHeater;
        _lambda = forgetting;
        _p = hasHeater ? 3 : 2;
        _zPhi = new double[_p, _p];
        _zY = new double[_p];
        _phi = new double[_p];
        _z = new double[_p];
    }

    public TimeSpan Step { get; }

    public bool HasHeater { get; }

    /// <summary>Steps that updated the estimate.</summary>
    public int Updates { get; private set; }

    /// <summary>Takes the readings at the next grid step.</summary>
    /// <param name="heater">The heater's state at the step (0 off, 1 on), or the fraction of it the heater was on.</param>
    /// <remarks>A heater read at the two ends of a step may have switched anywhere in it; the mean of the two ends
    /// is the unbiased guess of its on-time, so that is the step's input (taking the start's state instead makes
    /// every switching step look like a weaker heater, and biases the gain low by ~10 %).</remarks>
    public void Observe(double temperature, double outdoor, double heater)
    {
        if (!double.IsFinite(temperature) || !double.IsFinite(outdoor) || !double.IsFinite(heater))
        {
            Gap();
            return;
        }
        if (_previous is { } previous && _current is { } current)
        {
            var stepHeater = (_currentHeater + heater) / 2.0;
            Fill(_phi, current, stepHeater);
            Fill(_z, previous, stepHeater);
            var y = temperature - _currentOutdoor;
            for (var i = 0; i < _p; i++)
            {
                _zY[i] = (_lambda * _zY[i]) + (_z[i] * y);
                for (var j = 0; j < _p; j++)
                {
                    _zPhi[i, j] = (_lambda * _zPhi[i, j]) + (_z[i] * _phi[j]);
                }
            }
            Updates++;
            TrackInnovation(y);
        }
        (_previous, _current, _currentOutdoor, _currentHeater) = (_current, temperature, outdoor, heater);
    }

    /// <summary>A missing step: the chain of consecutive readings starts again.</summary>
    public void Gap()
    {
        (_previous, _current, _lastInnovation) = (null, null, null);
    }

    /// <summary>The current estimate, or null while there is too little (or too uninformative) data.</summary>
    public RoomParameters? Parameters()
    {
        var theta = Solve();
        if (theta is null || Updates < WarmUp)
        {
            return null;
        }
        var a = theta[0];
        if (a is <= 0.0 or >= 1.0)
        {
            return null;
        }
        var c = HasHeater ? theta[1] : 0.0;
        var d = theta[_p - 1];
        var tau = TimeSpan.FromSeconds(-Step.TotalSeconds / Math.Log(a));
        var innovationVariance = _innovationWeight > 0 ? _e2 / _innovationWeight : 0.0;
        // With white sensor noise v and process noise w, e[k] = w[k] + v[k+1] − a·v[k]: its lag-1 covariance is −a·σv².
        var lag1 = _innovationWeight > 0 ? _e1e0 / _innovationWeight : 0.0;
        var sensorVariance = Math.Clamp(-lag1 / a, 0.0, innovationVariance / (1 + (a * a)));
        var processVariance = Math.Max(0.0, innovationVariance - ((1 + (a * a)) * sensorVariance));
        return new RoomParameters(Step, a, c, d, tau, HasHeater,
            Math.Sqrt(innovationVariance), Math.Sqrt(sensorVariance), Math.Sqrt(processVariance), Updates);
    }

    private void Fill(double[] row, double temperature, double heater)
    {
        row[0] = temperature - _currentOutdoor;
        if (HasHeater)
        {
            row[1] = heater;
        }
        row[_p - 1] = 1.0;
    }

    // One-step innovations against the estimate so far, re-solved every few steps (cheap, and the estimate moves slowly).
    private void TrackInnovation(double y)
    {
        if (Updates < WarmUp)
        {
            return;
        }
        if (_theta is null || ++_sinceSolve >= 10)
        {
            _theta = LinearSystem.Solve(_zPhi, _zY);
            _sinceSolve = 0;
        }
        if (_theta is null)
        {
            return;
        }
        var predicted = 0.0;
        for (var i = 0; i < _p; i++)
        {
            predicted += _theta[i] * _phi[i];
        }
        var innovation = y - predicted;
        _e2 = (_lambda * _e2) + (innovation * innovation);
        _e1e0 = (_lambda * _e1e0) + (innovation * (_lastInnovation ?? 0.0));
        _innovationWeight = (_lambda * _innovationWeight) + 1.0;
        _lastInnovation = innovation;
    }

    private double[]? Solve() => Updates == 0 ? null : LinearSystem.Solve(_zPhi, _zY);
}
