using System.Globalization;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Each province's mean month-on-month ratio per calendar month and contract type (2020-01 → 2020-02 … 2022-11 →
/// 2022-12 on the shipped data), falling back month by month to the national one (the sum of the provinces)
/// where a province has no pair of consecutive positive months; where neither has one (January when the year
/// in the middle is held out), to the ratio of the province's seasonal indices of the two months, else to 1.
/// Leave-one-year-out evaluations build it from <see cref="PowerHistory.WithoutYear"/>: the gap drops every pair
/// that touches the held-out year.
/// </summary>
public sealed class ProvinceRatios(PowerHistory history)
{
    private readonly Dictionary<(string Sido, string ContractType), MonthRatios?> _cache = [];
    private readonly Dictionary<string, (double[] Ratios, string Years)?> _national = [];

    public MonthRatios? For(string sido, string contractType)
    {
        if (!_cache.TryGetValue((sido, contractType), out var ratios))
        {
            _cache[(sido, contractType)] = ratios = Build(sido, contractType);
        }
        return ratios;
    }

    /// <summary>Per calendar month, the mean of <c>value(m) / value(m − 1)</c> over consecutive positive pairs; NaN where there is none.</summary>
    public static (double[] Ratios, string Years)? MeanRatios(MonthlySeries series)
    {
        var sums = new double[12];
        var counts = new int[12];
        int? first = null, last = null;
        for (var i = 1; i < series.Count; i++)
        {
            var (from, to) = (series.MonthAt(i - 1), series.MonthAt(i));
            if (from.MonthsUntil(to) != 1 || !(series.ValueAt(i - 1) > 0) || !(series.ValueAt(i) > 0))
            {
                continue;
            }
            sums[to.Month - 1] += series.ValueAt(i) / series.ValueAt(i - 1);
            counts[to.Month - 1]++;
            first ??= from.Year;
            last = to.Year;
        }
        return first is null ? null
            : ([.. sums.Select((s, m) => counts[m] > 0 ? s / counts[m] : double.NaN)], string.Create(CultureInfo.InvariantCulture, $"{first}–{last}"));
    }

    private MonthRatios? Build(string sido, string contractType)
    {
        var own = MeanRatios(history.Series(new District(sido, PowerUsage.ProvinceTotal), contractType));
        var national = NationalMeans(contractType);
        if (own is null && national is null)
        {
            return null;
        }
        var ratios = new double[12];
        var borrowed = new List<int>();
        var profile = history.ProvinceProfile(sido, contractType);
        for (var m = 0; m < 12; m++)
        {
            ratios[m] = own is { } o && double.IsFinite(o.Ratios[m]) ? o.Ratios[m] : national?.Ratios[m] ?? double.NaN;
            if (!(own is { } p && double.IsFinite(p.Ratios[m])))
            {
                borrowed.Add(m + 1);
            }
            if (!double.IsFinite(ratios[m]))
            {
                ratios[m] = ShapeRatio(profile, m + 1);
            }
        }
        var source = own is { } mine
            ? borrowed.Count > 0 ? ForecastReason.Of("ratio-source.borrowed", sido, contractType, mine.Years, borrowed) : ForecastReason.Of("ratio-source", sido, contractType, mine.Years)
            : ForecastReason.Of("ratio-source.national", contractType, national!.Value.Years, sido);
        return new MonthRatios(ratios, source);
    }

    /// <summary>The nation's ratios (the sum of the provinces), for a series whose own province is not known apart from it.</summary>
    public MonthRatios? National(string contractType)
    {
        if (NationalMeans(contractType) is not { } national)
        {
            return null;
        }
        var profile = NationalProfile(contractType);
        var ratios = national.Ratios.Select((r, m) => double.IsFinite(r) ? r : ShapeRatio(profile, m + 1));
        return new MonthRatios([.. ratios], ForecastReason.Of("ratio-source", ProvinceOverview.National, contractType, national.Years));
    }

    public SeasonalProfile? NationalProfile(string contractType) =>
        SeasonalProfile.From(history.ProvinceSum(contractType), $"{ProvinceOverview.National} {contractType}");

    /// <summary>Month <paramref name="month"/> over the month before it by the seasonal shape; 1 without one.</summary>
    private static double ShapeRatio(SeasonalProfile? profile, int month) => profile is null ? 1 : profile[month] / profile[(month + 10) % 12 + 1];

    private (double[] Ratios, string Years)? NationalMeans(string contractType)
    {
        if (!_national.TryGetValue(contractType, out var national))
        {
            _national[contractType] = national = MeanRatios(history.ProvinceSum(contractType));
        }
        return national;
    }
}
