namespace DigitalTwin.Core.Twins.Faults;

/// <summary>
/// Judges a reading by its two neighbours once the next one has come: how far it sits from the midpoint of
/// the reading before and the reading after (the room's own slope taken out), in this sensor's usual size of such
/// bends. A spike is a bend of <c>threshold</c> scales or more where the reading is the peak or the trough of the
/// three and the series comes back: smaller than a one-step miss can show, because the slope is known from both sides.
/// </summary>
internal sealed class SpikeBetween(double threshold)
{
    private readonly NoiseScale _bends = new(alpha: 0.02, clip: threshold);

    /// <summary>The size of the middle reading's bend in scales when it is a spike, else null (and the bend is learned).</summary>
    public double? Judge(double before, double middle, double after, bool warm)
    {
        _bends.NoteChange(after - middle);
        // The midpoint, not a line weighted by time: readings come at a steady rate, and their stamps jitter (a late
        // packet, a chart's bucket), which would otherwise make the same three values a spike or not.
        var bend = middle - ((before + after) / 2);
        var peak = (middle - before) * (middle - after) > 0;
        var comesBack = Math.Abs(after - before) < Math.Abs(bend);
        var scales = Math.Abs(bend) / _bends.Sigma;
        if (warm && peak && comesBack && scales >= threshold)
        {
            return scales; // a spike does not teach the scale, so it cannot hide the next one
        }
        _bends.Add(bend);
        return null;
    }
}
