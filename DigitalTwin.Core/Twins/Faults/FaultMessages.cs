using DigitalTwin.Core.Text;
using static DigitalTwin.Core.Text.MessageArg;

namespace DigitalTwin.Core.Twins.Faults;

/// <summary>The detector's one-line reasons, as stored in an Anomaly alert's history and said in the reader's language.</summary>
public static class FaultMessages
{
    public static readonly MessageTemplate Spike = new("fault.spike", "Spike: {0} between {1} and {2} ({3}σ)", Number, Number, Number, Number);

    public static readonly MessageTemplate FastChange = new("fault.fast-change", "Change faster than the room allows: {0} → {1} in {2}", Number, Number, Duration);

    public static readonly MessageTemplate DriftAbove = new("fault.drift-above", "Drift: readings crept {0} above the usual course of the day since {1} (now {2})", Number, AsIs, Number);

    public static readonly MessageTemplate DriftBelow = new("fault.drift-below", "Drift: readings crept {0} below the usual course of the day since {1} (now {2})", Number, AsIs, Number);

    public static readonly MessageTemplate Stuck = new("fault.stuck", "Stuck value: {0} for {1} ({2} readings)", Number, Duration, Number);

    public static readonly MessageTemplate Dropout = new("fault.dropout", "Dropout: no reading for {0} (usually every {1})", Duration, Duration);

    /// <summary>A drift as the detector worded it before it judged drifts half hour by half hour: older alerts' histories hold it.</summary>
    public static readonly MessageTemplate DriftAboveEarlier = new("fault.drift-above-earlier", "Drift: readings above the prediction since {0} (now {1})", AsIs, Number);

    /// <summary>See <see cref="DriftAboveEarlier"/>.</summary>
    public static readonly MessageTemplate DriftBelowEarlier = new("fault.drift-below-earlier", "Drift: readings below the prediction since {0} (now {1})", AsIs, Number);

    public static IReadOnlyList<MessageTemplate> All { get; } = [Spike, FastChange, DriftAbove, DriftBelow, Stuck, Dropout, DriftAboveEarlier, DriftBelowEarlier];
}
