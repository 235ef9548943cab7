using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class CalendarIntervalTests
{
    /// <summary>Forecasts of 100 whose actuals are 100 × (1 + shock of the year and month + noise), for every province and month.</summary>
    private static List<CalendarPoint> Points(int[] years, double noise, double yearShock, int seed)
    {
        var random = new Random(seed);
        var points = new List<CalendarPoint>();
        foreach (var year in years)
        {
            for (var month = 1; month <= 12; month++)
            {
                var shock = yearShock * Gaussian(random);
                for (var province = 0; province < 17; province++)
                {
                    var target = new YearMonth(year, month);
                    points.Add(new CalendarPoint($"도{province}", ContractTypes.Total, CalendarModel.Direct, target.AddMonths(-1), target, 100, 100 * (1 + shock + noise * Gaussian(random))));
                }
            }
        }
        return points;
    }

    private static double Coverage(CalendarIntervals intervals, IEnumerable<CalendarPoint> points, double scale = 1) => points.Average(p =>
    {
        var (lower, upper) = intervals.Interval(p.Forecast, p.Cell, p.Model, scale);
        return lower <= p.Actual && p.Actual <= upper ? 1.0 : 0;
    });

    [Fact]
    public void Learn_IndependentErrors_NewYearCoveredAboutNinetyPercentInEveryMonth()
    {
        var intervals = CalendarIntervals.Learn(Points([2020, 2021, 2022, 2023], noise: 0.03, yearShock: 0, seed: 1));
        var unseen = Points([2024], noise: 0.03, yearShock: 0, seed: 2);

        Assert.InRange(intervals.Factor, 0.85, 1.2);
        foreach (var month in unseen.GroupBy(p => p.Target.Month))
        {
            // 17 provinces a month: one miss is 6 %, so the band for a single month is loose; over the year it is tight.
            Assert.InRange(Coverage(intervals, month), 0.7, 1);
        }
        Assert.InRange(Coverage(intervals, unseen), 0.85, 0.95);
    }

    [Fact]
    public void Learn_YearsShareAShock_FactorWidensBeyondThePooledPercentiles()
    {
        var calm = CalendarIntervals.Learn(Points([2020, 2021, 2022, 2023], noise: 0.01, yearShock: 0, seed: 3));
        var shocked = CalendarIntervals.Learn(Points([2020, 2021, 2022, 2023], noise: 0.01, yearShock: 0.03, seed: 3));

        Assert.True(shocked.Factor > calm.Factor);
        var june = new CalendarCell(ContractTypes.Total, 1, 6);
        // The shared shocks are in the pooled absolute errors themselves: the bounds widen with them.
        Assert.True(shocked.Bounds(june, CalendarModel.Direct).Hi > 1.5 * calm.Bounds(june, CalendarModel.Direct).Hi);
    }

    [Fact]
    public void Scale_SeriesTwiceAsNoisy_StretchesTheBoundsAboutTwice()
    {
        var intervals = CalendarIntervals.Learn(Points([2020, 2021, 2022, 2023], noise: 0.02, yearShock: 0, seed: 4));
        var noisy = Points([2024], noise: 0.04, yearShock: 0, seed: 5);

        var scale = CalendarIntervals.Scale([.. noisy.Select(p => intervals.Need(p.Cell, p.Model, p.Ratio))]);

        Assert.InRange(scale, 1.6, 2.5);
        Assert.InRange(Coverage(intervals, noisy, scale), 0.85, 0.95);
    }

    [Fact]
    public void Covered_ActualOnEitherBound_Counts()
    {
        var outcome = new CalendarOutcome("도", ContractTypes.Total, CalendarModel.Direct, new YearMonth(2021, 5), new YearMonth(2021, 6), 100, 90, 110, 100, 110);

        Assert.True(outcome.Covered);
        Assert.True((outcome with { Actual = 90 }).Covered);
        Assert.False((outcome with { Actual = 110.01 }).Covered);
        Assert.Equal(0.2, outcome.Width, 12);
    }
}
