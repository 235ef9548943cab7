using DigitalTwin.Core.Power;

namespace DigitalTwin.Tests.Power;

public sealed class YearOverYearTests
{
    [Fact]
    public void Compute_MonthsInTwoYears_ChangeAgainstSameMonth()
    {
        var changes = YearOverYear.Compute(
        [
            (new YearMonth(2023, 1), 100),
            (new YearMonth(2023, 2), 200),
            (new YearMonth(2024, 1), 103),
            (new YearMonth(2024, 2), 190),
        ]);

        Assert.Equal([new YearMonth(2024, 1), new YearMonth(2024, 2)], changes.Select(c => c.Month));
        Assert.Equal(0.03, changes[0].Change, 9);
        Assert.Equal(-0.05, changes[1].Change, 9);
        Assert.Equal(new YearMonth(2023, 2), changes[1].PreviousMonth);
    }

    [Fact]
    public void Compute_NoPair_IsEmpty()
    {
        var changes = YearOverYear.Compute([(new YearMonth(2023, 1), 100), (new YearMonth(2023, 2), 110), (new YearMonth(2024, 3), 120)]);

        Assert.Empty(changes);
    }

    [Fact]
    public void Compute_MissingOrZeroPrevious_IsSkipped()
    {
        var changes = YearOverYear.Compute([(new YearMonth(2023, 1), 0), (new YearMonth(2024, 1), 100), (new YearMonth(2023, 2), null), (new YearMonth(2024, 2), 5)]);

        Assert.Empty(changes);
    }
}
