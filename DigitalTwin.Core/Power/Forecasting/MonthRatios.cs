namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Twelve month-on-month growth factors: <c>this[m]</c> is how much month m uses relative to the month before it
/// (1.25 for August = August uses 25 % more than July), and <see cref="Source"/> says where they come from.
/// </summary>
public sealed class MonthRatios(IReadOnlyList<double> byMonth, ForecastReason source)
{
    public ForecastReason Source { get; } = source;

    public double this[int month] => byMonth[month - 1];

    /// <summary>The product of the ratios of every month after <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public double Path(YearMonth from, YearMonth to)
    {
        var factor = 1.0;
        for (var month = from.AddMonths(1); month <= to; month = month.AddMonths(1))
        {
            factor *= this[month.Month];
        }
        return factor;
    }
}
