namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Points grouped by <see cref="CalendarCell"/>. A cell with too few points borrows the neighbouring calendar
/// months (one on each side, then two), then the neighbouring horizons (longer first: their errors are wider,
/// so safer): a summer month is more like the months around it than like the year's average.
/// </summary>
public sealed class CalendarCells<T>(IEnumerable<T> points, Func<T, CalendarCell> cellOf, int minPoints)
{
    private readonly Dictionary<CalendarCell, List<T>> _cells = points.GroupBy(cellOf).ToDictionary(g => g.Key, g => g.ToList());

    /// <param name="include">Which of a cell's points count (e.g. one path's).</param>
    public List<T> Pooled(CalendarCell cell, Func<T, bool>? include = null)
    {
        var pooled = new List<T>();
        foreach (var steps in StepsNearest(cell.Steps))
        {
            for (var ring = 0; ring <= 2; ring++)
            {
                foreach (var month in ring == 0 ? [cell.Month] : new[] { cell.Month - ring, cell.Month + ring })
                {
                    var points = _cells.GetValueOrDefault(cell with { Steps = steps, Month = (month + 11) % 12 + 1 }, []);
                    pooled.AddRange(include is null ? points : points.Where(include));
                }
                if (pooled.Count >= minPoints)
                {
                    return pooled;
                }
            }
        }
        return pooled;
    }

    private static IEnumerable<int> StepsNearest(int steps) => Enumerable.Range(0, 2 * ForecastRequest.MaxHorizon)
        .Select(d => d % 2 == 1 ? steps + (d + 1) / 2 : steps - d / 2)
        .Where(s => s is >= 1 and <= ForecastRequest.MaxHorizon);
}
