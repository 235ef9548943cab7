using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Power.Forecasting;

public sealed class CalibrationTests
{
    [Fact]
    public void Interval_MonthsShareAShock_CalibratedIntervalsCoverNewMonthsAboutNinetyPercent()
    {
        // Each month moves all 100 districts together (σ 6 %) plus a little noise of their own (σ 1 %):
        // quantiles pooled over 10 seen months understate how far the next, unseen month can move.
        var random = new Random(11);
        var pool = new ResidualPool();
        for (var m = 0; m < 10; m++)
        {
            var shock = 0.06 * Gaussian(random);
            for (var d = 0; d < 100; d++)
            {
                pool.Add(1, new YearMonth(2023, 1).AddMonths(m), 1000, 1000 * (1 + shock + 0.01 * Gaussian(random)));
            }
        }

        var (lower, upper) = pool.Interval(1000, 1);
        var hits = 0;
        var trials = 4000;
        for (var i = 0; i < trials; i++)
        {
            var actual = 1000 * (1 + 0.06 * Gaussian(random) + 0.01 * Gaussian(random));
            hits += lower <= actual && actual <= upper ? 1 : 0;
        }

        Assert.InRange(hits / (double)trials, 0.82, 0.98);
        Assert.InRange(pool.Scale, 0.5, 4);
    }

    [Fact]
    public void Interval_IndependentErrors_KeepsTheEmpiricalQuantiles()
    {
        var random = new Random(5);
        var pool = new ResidualPool();
        for (var m = 0; m < 6; m++)
        {
            for (var d = 0; d < 200; d++)
            {
                pool.Add(1, new YearMonth(2023, 1).AddMonths(m), 1000, 1000 * (1 + 0.05 * Gaussian(random)));
            }
        }

        var (lower, upper) = pool.Interval(1000, 1);

        // ±1.645 σ of 5 %: about 918..1082 kWh, give or take sampling error and a small calibration step.
        Assert.InRange(lower, 895, 935);
        Assert.InRange(upper, 1065, 1105);
        Assert.InRange(pool.Scale, 0.85, 1.15);
    }

    [Fact]
    public void Interval_SingleMonth_NoCalibrationAndAtLeastTheFallbackWidth()
    {
        var pool = new ResidualPool();
        for (var d = 0; d < 50; d++)
        {
            pool.Add(1, new YearMonth(2024, 1), 100, 100 + d % 10);
        }

        Assert.Equal(1, pool.Scale);
        Assert.Equal((75.0, 125.0), pool.Interval(100, 1));
    }
}
