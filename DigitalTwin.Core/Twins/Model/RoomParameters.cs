namespace DigitalTwin.Core.Twins.Model;

/// <summary>A fitted first-order room: T[k+1] = T_out[k] + A·(T[k] − T_out[k]) + C·heater[k] + D on steps of <see cref="Step"/>.</summary>
/// <param name="TimeConstant">τ = −Δ / ln A: how long the room takes to close 63 % of a gap to its equilibrium.</param>
/// <param name="InnovationSigma">Standard deviation of the one-step prediction error, K.</param>
/// <param name="SensorSigma">The part of it that is read noise (white noise on each reading), K.</param>
/// <param name="ProcessSigma">The part the room itself does that the model does not explain, K per step.</param>
public sealed record RoomParameters(
    TimeSpan Step,
    double A,
    double C,
    double D,
    TimeSpan TimeConstant,
    bool HasHeater,
    double InnovationSigma,
    double SensorSigma,
    double ProcessSigma,
    int Samples)
{
    /// <summary>How far the heater, left on, lifts the room above where it would settle without it, K.</summary>
    public double HeaterLift => HasHeater ? C / (1.0 - A) : 0.0;

    /// <summary>The heater's heating rate, K/s: the lift over τ (the simulator's HeaterGain).</summary>
    public double HeaterGain => HeaterLift / TimeConstant.TotalSeconds;

    /// <summary>Warmth from everything but the heater (people, sun, neighbours), as a lift above outdoors, K.</summary>
    public double OtherGainsLift => D / (1.0 - A);

    /// <summary>One step of the deterministic part of the model.</summary>
    public double Next(double temperature, double outdoor, double heater) => outdoor + (A * (temperature - outdoor)) + (C * heater) + D;
}
