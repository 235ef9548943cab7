namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// All usage series (districts and province-level rows) keyed by (district, contract type), as the models
/// see them. <see cref="Until"/> gives the view at a cutoff; forecasts are only ever made from such a view.
/// </summary>
public sealed class PowerHistory
{
    private readonly Dictionary<(District District, string ContractType), MonthlySeries> _series;
    private readonly Dictionary<(string Sido, string ContractType), SeasonalProfile?> _profiles = [];
    private readonly Dictionary<string, MonthlySeries> _provinceSums = [];
    private ProvinceRatios? _ratios;

    private PowerHistory(Dictionary<(District, string), MonthlySeries> series) => _series = series;

    /// <summary>Rows with no kWh ("-" in KEPCO's files) are gaps, not zeros.</summary>
    public static PowerHistory FromRows(IEnumerable<UsageRow> rows) => new(rows
        .Where(r => r.Kwh is not null)
        .GroupBy(r => (new District(r.Sido, r.Sigungu), r.ContractType))
        .ToDictionary(g => g.Key, g => new MonthlySeries(g.Select(r => (r.Period, (double)r.Kwh!.Value)))));

    public PowerHistory Until(YearMonth cutoff) => new(_series
        .Select(p => (p.Key, Series: p.Value.Until(cutoff)))
        .Where(p => p.Series.Count > 0)
        .ToDictionary(p => p.Key, p => p.Series));

    /// <summary>The same history with every month of <paramref name="year"/> removed (a gap), for leave-one-year-out learning.</summary>
    public PowerHistory WithoutYear(int year) => new(_series
        .Select(p => (p.Key, Series: p.Value.WithoutYear(year)))
        .Where(p => p.Series.Count > 0)
        .ToDictionary(p => p.Key, p => p.Series));

    public IEnumerable<(District District, string ContractType, MonthlySeries Series)> All =>
        _series.Select(p => (p.Key.District, p.Key.ContractType, p.Value));

    public MonthlySeries Series(District district, string contractType) =>
        _series.GetValueOrDefault((district, contractType), MonthlySeries.Empty);

    /// <summary>Districts (not province rows) with at least one value of this contract type, in a stable order.</summary>
    public IReadOnlyList<District> Districts(string contractType) => [.. _series.Keys
        .Where(k => k.ContractType == contractType && !IsProvince(k.District))
        .Select(k => k.District)
        .OrderBy(d => d.Sido, StringComparer.Ordinal).ThenBy(d => d.Sigungu, StringComparer.Ordinal)];

    public static bool IsProvince(District district) => district.Sigungu == PowerUsage.ProvinceTotal;

    /// <summary>The provinces (not the national rows) with a series of this contract type, in a stable order.</summary>
    public IReadOnlyList<string> Provinces(string contractType) => [.. _series.Keys
        .Where(k => k.ContractType == contractType && IsProvince(k.District) && k.District.Sido != ProvinceOverview.National)
        .Select(k => k.District.Sido)
        .Order(StringComparer.Ordinal)];

    /// <summary>The sum of the province series of a contract type, month by month: the national series, 합계 included.</summary>
    public MonthlySeries ProvinceSum(string contractType)
    {
        if (!_provinceSums.TryGetValue(contractType, out var sum))
        {
            _provinceSums[contractType] = sum = new MonthlySeries(Provinces(contractType)
                .SelectMany(sido => Points(Series(new District(sido, PowerUsage.ProvinceTotal), contractType)))
                .GroupBy(p => p.Month)
                .Select(g => (g.Key, g.Sum(p => p.Value))));
        }
        return sum;
    }

    /// <summary>A hash of every province series (names, months, values): equal histories of provinces give equal fingerprints.</summary>
    public long ProvinceFingerprint()
    {
        var hash = new HashCode();
        foreach (var ((district, type), series) in _series
            .Where(p => IsProvince(p.Key.District))
            .OrderBy(p => p.Key.District.Sido, StringComparer.Ordinal).ThenBy(p => p.Key.ContractType, StringComparer.Ordinal))
        {
            hash.Add(district.Sido, StringComparer.Ordinal);
            hash.Add(type, StringComparer.Ordinal);
            for (var i = 0; i < series.Count; i++)
            {
                hash.Add(series.MonthAt(i));
                hash.Add(series.ValueAt(i));
            }
        }
        return hash.ToHashCode();
    }

    /// <summary>The province's month-on-month ratios for a contract type (national where it has none).</summary>
    public MonthRatios? ProvinceRatios(string sido, string contractType) => (_ratios ??= new ProvinceRatios(this)).For(sido, contractType);

    private static IEnumerable<(YearMonth Month, double Value)> Points(MonthlySeries series) =>
        Enumerable.Range(0, series.Count).Select(i => (series.MonthAt(i), series.ValueAt(i)));

    /// <summary>The province's month-of-year shape for a contract type; the national one when the province has none.</summary>
    public SeasonalProfile? ProvinceProfile(string sido, string contractType)
    {
        if (!_profiles.TryGetValue((sido, contractType), out var profile))
        {
            profile = OwnProfile(sido, contractType) ?? OwnProfile(ProvinceOverview.National, contractType);
            _profiles[(sido, contractType)] = profile;
        }
        return profile;
    }

    private SeasonalProfile? OwnProfile(string sido, string contractType) =>
        SeasonalProfile.From(Series(new District(sido, PowerUsage.ProvinceTotal), contractType), $"{sido} {contractType}");
}
