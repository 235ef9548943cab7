namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>One forecast of a province series in a leave-one-year-out evaluation: made at <paramref name="Origin"/> for <paramref name="Target"/>.</summary>
public sealed record CalendarPoint(string Sido, string ContractType, string Model, YearMonth Origin, YearMonth Target, double Forecast, double Actual)
{
    public int Steps => Origin.MonthsUntil(Target);

    /// <summary>actual / forecast − 1: the relative error that intervals are built from.</summary>
    public double Ratio => Actual / Forecast - 1;

    public double AbsPctError => 100 * Math.Abs(Forecast - Actual) / Actual;

    public CalendarCell Cell => new(ContractType, Steps, Target.Month);
}

/// <summary>
/// The members' forecasts of one target of a province series (NaN where a member has none, in the order of
/// <see cref="CalendarEvaluation.Members"/>), with the actual.
/// </summary>
public sealed record CalendarSample(string Sido, string ContractType, YearMonth Origin, YearMonth Target, double[] Forecasts, double Actual)
{
    public int Steps => Origin.MonthsUntil(Target);

    public CalendarCell Cell => new(ContractType, Steps, Target.Month);
}

/// <summary>A cell of what is learned per target calendar month: a contract type, months ahead, calendar month.</summary>
public readonly record struct CalendarCell(string ContractType, int Steps, int Month);
