using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>Auto's leave-one-year-out evaluation on the shipped province series (imported into SQLite).</summary>
public sealed class CalendarEvaluationTests(ShippedProvinceData data) : IClassFixture<ShippedProvinceData>
{
    private const int HeldOut = 2021;

    [Fact]
    public void HeldOut_HeldOutYearTampered_NothingLearnedChanges()
    {
        // Every 2021 value scaled at random: forecasts made before 2021 (whose inputs are all earlier) must not
        // move at all, nor their intervals, nor the peer — only the actuals they are scored against.
        var random = new Random(5);
        var tampered = PowerHistory.FromRows(data.Csv
            .Where(p => p.Key.Sido != ProvinceOverview.National)
            .Select(p => new UsageRow(p.Key.Month.Year, p.Key.Month.Month, p.Key.Sido, PowerUsage.ProvinceTotal, p.Key.Type,
                (long)(p.Value * (p.Key.Month.Year == HeldOut ? 0.5 + random.NextDouble() : 1)))));
        var original = PowerHistory.FromRows(data.Csv
            .Where(p => p.Key.Sido != ProvinceOverview.National)
            .Select(p => new UsageRow(p.Key.Month.Year, p.Key.Month.Month, p.Key.Sido, PowerUsage.ProvinceTotal, p.Key.Type, (long)p.Value)));

        var a = CalendarBacktest.HeldOut(original, HeldOut).Where(o => o.Origin.Year < HeldOut).ToList();
        var b = CalendarBacktest.HeldOut(tampered, HeldOut).Where(o => o.Origin.Year < HeldOut).ToList();

        Assert.NotEmpty(a);
        Assert.All(a, o => Assert.Equal(HeldOut, o.Target.Year));
        Assert.Equal(a.Select(o => (o.Sido, o.ContractType, o.Path, o.Origin, o.Target, o.Auto, o.Lower, o.Upper, o.Peer)),
            b.Select(o => (o.Sido, o.ContractType, o.Path, o.Origin, o.Target, o.Auto, o.Lower, o.Upper, o.Peer)));
        Assert.NotEqual(a.Select(o => o.Actual), b.Select(o => o.Actual));
    }

    [Fact]
    public void Learn_FromHistoryWithoutAYear_NoSampleTouchesThatYear()
    {
        var samples = CalendarEvaluation.LeaveOneYearOut(data.History.WithoutYear(HeldOut));

        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.True(s.Origin.Year != HeldOut && s.Target.Year != HeldOut));
    }

    [Fact]
    public void Run_ShippedProvinces_EveryHorizonAndCalendarMonthScoredAndAutoBeatsThePeerOverall()
    {
        var outcomes = CalendarBacktest.Run(data.History);

        var total = outcomes.Where(o => o.ContractType == ContractTypes.Total).ToList();
        Assert.Equal(Enumerable.Range(1, 12), total.Select(o => o.Steps).Distinct().Order());
        foreach (var steps in Enumerable.Range(1, 12))
        {
            var months = total.Where(o => o.Steps == steps).Select(o => o.Target.Month).Distinct().Order();
            Assert.Equal(Enumerable.Range(1, 12), months);
        }
        Assert.All(outcomes, o => Assert.InRange(o.Steps, 1, ForecastRequest.MaxHorizon));
        Assert.All(outcomes, o => Assert.True(o.Lower <= o.Auto && o.Auto <= o.Upper));
        // Over all horizons and months together, auto must beat the peer it is measured against.
        var scored = outcomes.Where(o => o.PeerApe is not null).ToList();
        Assert.True(scored.Average(o => o.AutoApe) < scored.Average(o => o.PeerApe!.Value));
    }

    [Fact]
    public void Run_OneStepAhead_PeerIsTheLastValueTimesTheRatioOfTheOtherYears()
    {
        var outcome = CalendarBacktest.HeldOut(data.History, HeldOut)
            .First(o => o.Sido == "경기도" && o.ContractType == ContractTypes.Residential && o.Target == new YearMonth(HeldOut, 8) && o.Steps == 1);

        // Only 2020 and 2022 teach the ratio when 2021 is held out.
        var expected = new[] { 2020, 2022 }.Average(y => data.Csv[("경기도", ContractTypes.Residential, new YearMonth(y, 8))] / data.Csv[("경기도", ContractTypes.Residential, new YearMonth(y, 7))]);
        Assert.Equal(data.Csv[("경기도", ContractTypes.Residential, new YearMonth(HeldOut, 7))] * expected, outcome.Peer!.Value, 6);
    }

    [Fact]
    public void AsDistricts_OneStepAhead_PeerIsTheLastValueTimesTheNationsRatioAndNoOwnYearMember()
    {
        var sample = CalendarEvaluation.AsDistricts(data.History, data.History.WithoutYear(HeldOut), HeldOut)
            .First(s => s.Sido == "경기도" && s.ContractType == ContractTypes.Total && s.Target == new YearMonth(HeldOut, 8) && s.Steps == 1);

        double National(YearMonth m) => data.Csv.Where(p => p.Key.Type == ContractTypes.Total && p.Key.Month == m && p.Key.Sido != ProvinceOverview.National).Sum(p => p.Value);
        var ratio = new[] { 2020, 2022 }.Average(y => National(new YearMonth(y, 8)) / National(new YearMonth(y, 7)));
        var member = CalendarEvaluation.Members.ToList();
        Assert.Equal(data.Csv[("경기도", ContractTypes.Total, new YearMonth(HeldOut, 7))] * ratio, sample.Forecasts[member.IndexOf(ForecastModels.ProvinceRatio)], 6);
        Assert.All(CalendarEvaluation.OwnYear, m => Assert.True(double.IsNaN(sample.Forecasts[member.IndexOf(m)])));
        Assert.True(double.IsFinite(sample.Forecasts[member.IndexOf(ForecastModels.ProvinceShape)]));
    }

    [Fact]
    public void RunAsDistricts_ShippedProvinces_TotalIsTheSumOfItsTypesAndAutoBeatsThePeerOverall()
    {
        var outcomes = CalendarBacktest.RunAsDistricts(data.History);

        var total = outcomes.Where(o => o.ContractType == ContractTypes.Total).ToList();
        Assert.Equal(Enumerable.Range(1, 12), total.Where(o => o.Steps == 1).Select(o => o.Target.Month).Distinct().Order());
        Assert.All(total, o => Assert.Equal(CalendarModel.BottomUp, o.Path));
        var scored = total.Where(o => o.PeerApe is not null).ToList();
        Assert.True(scored.Average(o => o.AutoApe) < scored.Average(o => o.PeerApe!.Value));
    }

    [Fact]
    public void DistrictIntervals_ProvincesForecastAsDistricts_CoverNearerNinetyPercentThanTheProvinceIntervals()
    {
        // Each year held out: both interval sets learned from the other years, scored on the held-out year's
        // district-like forecasts (합계 as the sum of its types, as districts get it).
        var district = new List<bool>();
        var province = new List<bool>();
        foreach (var year in CalendarEvaluation.Years(data.History))
        {
            var learnFrom = data.History.WithoutYear(year);
            var model = CalendarModel.Learn(learnFrom);
            var points = CalendarModel.Blend(CalendarEvaluation.AsDistricts(data.History, learnFrom, year), model.Weights)
                .Where(p => p.Model == CalendarModel.DistrictPath(p.ContractType));
            foreach (var p in points)
            {
                district.Add(Covers(model.IntervalsFor(ownYear: false), p));
                province.Add(Covers(model.IntervalsFor(ownYear: true), p));
            }
        }

        var districtCoverage = district.Average(c => c ? 1.0 : 0);
        var provinceCoverage = province.Average(c => c ? 1.0 : 0);
        Assert.InRange(districtCoverage, 0.85, 0.95);
        Assert.True(Math.Abs(districtCoverage - 0.9) < Math.Abs(provinceCoverage - 0.9), $"district {districtCoverage:P1}, province {provinceCoverage:P1}");
    }

    private static bool Covers(CalendarIntervals intervals, CalendarPoint point)
    {
        var (lower, upper) = intervals.Interval(point.Forecast, point.Cell, point.Model);
        return lower <= point.Actual && point.Actual <= upper;
    }
}
