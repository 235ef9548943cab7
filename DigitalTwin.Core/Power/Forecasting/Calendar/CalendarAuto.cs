namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Auto on a district: per target, the members blended with the weights the province series earned for that
/// calendar month and horizon (<see cref="CalendarModel"/>); for 합계, the sum of the seven contract types' blends
/// (hierarchical bottom-up: the district's own contract mix), directly only where a type has no forecast. 90 %
/// intervals from the province series' errors for that month: as provinces forecast themselves where the district
/// has the month in an earlier year, as provinces forecast like districts where it has not
/// (<see cref="CalendarModel.IntervalsFor"/>), widened by how much noisier the district backtests were (<see cref="IntervalScale"/>).
/// </summary>
public sealed class CalendarAuto(ModelSet set, string contractType, IReadOnlyList<YearMonth> targets)
{
    private const int MaxSteps = ForecastRequest.MaxHorizon;

    private CalendarModel Model => set.Calendar;

    /// <summary>
    /// How much wider than a province's a district's intervals must be to cover 90 % of the district backtests before
    /// the cutoff, each measured against the intervals its target would get (<see cref="CalendarModel.IntervalsFor"/>).
    /// </summary>
    public double IntervalScale(IEnumerable<BacktestPoint> backtests) => CalendarIntervals.Scale([.. backtests
        .Where(p => CalendarEvaluation.Members.Contains(p.Model))
        .GroupBy(p => (p.District, p.Origin, p.Target))
        .Select(g => (Point: g.First(), OwnYear: g.Any(p => CalendarEvaluation.OwnYear.Contains(p.Model)),
            Blend: Model.Weights.Blend(Cell(g.First().Steps, g.Key.Target), g.ToDictionary(p => p.Model, p => p.Forecast))))
        .Where(b => b.Blend > 0 && b.Point.Actual > 0)
        .Select(b => Model.IntervalsFor(b.OwnYear).Need(Cell(b.Point.Steps, b.Point.Target), CalendarModel.Direct, b.Point.Actual / b.Blend - 1))]);

    public IEnumerable<ForecastRow> Rows(District district, IReadOnlyDictionary<string, ModelForecast> candidates, double scale, MonthlySeries actuals)
    {
        var history = set.History.Series(district, contractType);
        var parts = contractType == ContractTypes.Total ? PartForecasts(district) : null;
        for (var k = 0; k < targets.Count; k++)
        {
            var target = targets[k];
            double? actual = actuals.TryGet(target, out var a) ? a : null;
            if (history.Count == 0)
            {
                yield return new ForecastRow(district, target, null, null, null, ForecastModels.Auto, ForecastReason.Of("auto.no-observation"), actual);
                continue;
            }
            var cell = Cell(history.LastMonth.MonthsUntil(target), target);
            var direct = Model.Weights.Blend(cell, candidates.ToDictionary(c => c.Key, c => c.Value.IsApplicable ? c.Value.Values![k] : double.NaN));
            var bottomUp = parts?.Select(p => p[k]).Sum() ?? double.NaN;
            // A district's contract mix is its own, not the province's: its 합계 swings with the mix (a residential
            // district peaks in August, an industrial one barely), which only the sum of the types can follow.
            var path = double.IsFinite(bottomUp) && bottomUp > 0 ? CalendarModel.BottomUp : CalendarModel.Direct;
            var value = path == CalendarModel.BottomUp ? bottomUp : direct;
            if (!double.IsFinite(value))
            {
                yield return new ForecastRow(district, target, null, null, null, ForecastModels.Auto, ForecastReason.Of("auto.no-member"), actual);
                continue;
            }
            var ownYear = HasOwnYear(candidates, k);
            var (lower, upper) = Model.IntervalsFor(ownYear).Interval(value, cell, path, scale);
            var interval = ForecastReason.Of(ownYear ? "interval" : "interval.as-district", scale);
            yield return new ForecastRow(district, target, value, lower, upper, ForecastModels.Auto, Reason(cell, path, interval), actual);
        }
    }

    private static bool HasOwnYear(IReadOnlyDictionary<string, ModelForecast> candidates, int k) => CalendarEvaluation.OwnYear
        .Any(m => candidates.TryGetValue(m, out var f) && f.IsApplicable && double.IsFinite(f.Values![k]));

    private ForecastReason Reason(CalendarCell cell, string path, ForecastReason interval) =>
        path == CalendarModel.BottomUp ? ForecastReason.Of("auto.bottom-up", ContractTypes.Parts.Count, cell.Month, cell.Steps, Model.WhyPath(cell.Steps, cell.Month), interval)
        : ForecastReason.Of(contractType == ContractTypes.Total ? "auto.direct" : "auto.blend", Model.Weights.Shares(cell), cell.Month, cell.Steps, interval);

    /// <summary>Each contract type's blend per target; a part that has history but no forecast makes the sum NaN.</summary>
    private List<double[]> PartForecasts(District district) => [.. ContractTypes.Parts
        .Where(part => set.History.Series(district, part).Count > 0)
        .Select(part =>
        {
            var input = set.Input(district, part, targets);
            var last = input.History.LastMonth;
            var members = CalendarEvaluation.Members.Select(m => set.Get(m).Forecast(input)).ToList();
            return targets.Select((t, k) => Model.Weights.Blend(
                new CalendarCell(part, Math.Clamp(last.MonthsUntil(t), 1, MaxSteps), t.Month),
                [.. members.Select(f => f.IsApplicable ? f.Values![k] : double.NaN)])).ToArray();
        })];

    private CalendarCell Cell(int steps, YearMonth target) => new(contractType, Math.Clamp(steps, 1, MaxSteps), target.Month);
}
