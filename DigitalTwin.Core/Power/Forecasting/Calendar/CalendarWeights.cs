namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Per <see cref="CalendarCell"/>, each member's weight: 1 / its mean squared relative error there (the
/// Bates–Granger weights), shrunk a tenth of the way toward equal weights because a cell rests on a few
/// dozen forecasts from three years. A member without forecasts in a cell gets no weight there.
/// </summary>
public sealed class CalendarWeights
{
    private const int MinPoints = 30;
    private const double Shrinkage = 0.1;

    private readonly CalendarCells<CalendarSample> _cells;
    private readonly Dictionary<CalendarCell, double[]> _weights = [];

    private CalendarWeights(IEnumerable<CalendarSample> samples) => _cells = new CalendarCells<CalendarSample>(samples, s => s.Cell, MinPoints);

    public static CalendarWeights Learn(IEnumerable<CalendarSample> samples) => new(samples);

    /// <summary>The weight of each member (<see cref="CalendarEvaluation.Members"/> order); all zero where none has forecasts.</summary>
    public double[] For(CalendarCell cell)
    {
        if (!_weights.TryGetValue(cell, out var weights))
        {
            var pooled = _cells.Pooled(cell);
            var precision = new double[CalendarEvaluation.Members.Count];
            for (var m = 0; m < precision.Length; m++)
            {
                var ratios = pooled.Where(s => double.IsFinite(s.Forecasts[m])).Select(s => s.Actual / s.Forecasts[m] - 1).ToList();
                precision[m] = ratios.Count >= MinPoints / 3 ? 1 / Math.Max(ratios.Average(r => r * r), 1e-6) : 0;
            }
            var total = precision.Sum();
            var members = precision.Count(p => p > 0);
            _weights[cell] = weights = [.. precision.Select(p => p > 0 ? (1 - Shrinkage) * p / total + Shrinkage / members : 0)];
        }
        return weights;
    }

    /// <summary>The weighted mean of the members that forecast (NaN entries have none); equal weights where none of them has a weight in this cell.</summary>
    public double Blend(CalendarCell cell, IReadOnlyList<double> forecasts)
    {
        var weights = For(cell);
        double sum = 0, total = 0, plain = 0;
        var count = 0;
        for (var m = 0; m < weights.Length; m++)
        {
            if (double.IsFinite(forecasts[m]))
            {
                sum += weights[m] * forecasts[m];
                total += weights[m];
                plain += forecasts[m];
                count++;
            }
        }
        return total > 0 ? sum / total : count > 0 ? plain / count : double.NaN;
    }

    /// <summary>Takes the members' forecasts by model name; other models are ignored.</summary>
    public double Blend(CalendarCell cell, IReadOnlyDictionary<string, double> forecasts) =>
        Blend(cell, [.. CalendarEvaluation.Members.Select(m => forecasts.GetValueOrDefault(m, double.NaN))]);

    /// <summary>Each member's share of the cell's blend in percent, largest first ("share" reasons).</summary>
    public IReadOnlyList<ForecastReason> Shares(CalendarCell cell) => [.. For(cell)
        .Select((w, m) => (Model: CalendarEvaluation.Members[m], Weight: w))
        .Where(p => p.Weight > 0)
        .OrderByDescending(p => p.Weight)
        .Select(p => ForecastReason.Of("share", p.Model, 100 * p.Weight))];
}
