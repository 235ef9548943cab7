namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>Months as consecutive integers, so "steps ahead" and "12 months earlier" are plain arithmetic.</summary>
public static class MonthIndex
{
    public static int Index(this YearMonth month) => month.Year * 12 + month.Month - 1;

    public static YearMonth ToYearMonth(int index) => new(index / 12, index % 12 + 1);

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/> (positive when <paramref name="to"/> is later).</summary>
    public static int MonthsUntil(this YearMonth from, YearMonth to) => to.Index() - from.Index();
}
