namespace DigitalTwin.Core.Twins.Maintenance;

/// <summary>What moved a device furthest from how it behaved in its first days.</summary>
public enum DriftCause
{
    /// <summary>Nothing moved enough to matter.</summary>
    None,

    /// <summary>Its readings scatter more around the model's predictions.</summary>
    Noise,

    /// <summary>Its readings sit above or below the daily pattern it learned.</summary>
    Bias,

    /// <summary>The fault detector flags it more often.</summary>
    Faults,

    /// <summary>Its heater runs a different share of the time.</summary>
    HeaterDuty,

    /// <summary>The room warms up more slowly while its heater is on: a longer way to the setpoint.</summary>
    HeatingRate,

    /// <summary>Too little history to compare a baseline with recent days.</summary>
    TooLittleHistory,
}

/// <summary>One day of a device: its readings, the robust scatter of the model's one-step misses, its mean deviation
/// from the baseline's daily pattern, the faults flagged and (when reported) the heater's share of on-time.</summary>
public sealed record DayDrift(DateOnly Day, int Samples, double NoiseSigma, double Bias, int Faults, double? HeaterDuty);

/// <summary>
/// How far a device has drifted from its fitted behaviour: the baseline (the first third of its history in the
/// period) against the recent days (the last third). <see cref="Score"/> is the largest of the causes' scores, each
/// scaled so that 1 is worth a look (twice the noise, a bias of two baseline spreads, two more faults a day, the
/// heater's duty doubled or halved, the warm-up rate with the heater on halved).
/// </summary>
/// <param name="NoiseRatio">Recent scatter of the model's misses over the baseline's.</param>
/// <param name="BiasShift">Recent mean deviation from the baseline's daily pattern, in the metric's unit.</param>
/// <param name="BiasSpread">How far single readings stray from that pattern in the baseline (standard deviation), the bias's yardstick.</param>
/// <param name="BaselineHeating">The mean rise per hour over steps with the heater on throughout, in the baseline (null without a heater or such steps).</param>
public sealed record DeviceDrift(
    string DeviceId,
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    int Samples,
    double Score,
    DriftCause Cause,
    double BaselineNoise,
    double RecentNoise,
    double NoiseRatio,
    double BiasShift,
    double BiasSpread,
    double BaselineFaultsPerDay,
    double RecentFaultsPerDay,
    double? BaselineDuty,
    double? RecentDuty,
    double? BaselineHeating,
    double? RecentHeating,
    IReadOnlyList<DayDrift> Days)
{
    /// <summary>A device with too little history to judge: ranked last.</summary>
    public static DeviceDrift Unjudged(string deviceId, string metric, DateTimeOffset from, DateTimeOffset to, int samples) =>
        new(deviceId, metric, from, to, samples, 0, DriftCause.TooLittleHistory, 0, 0, 1, 0, 0, 0, 0, null, null, null, null, []);
}
