namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// All usage series (districts and province-level rows) keyed by (district, contract type), as the models
/// see them. <see cref="Until"/> gives the view at a cutoff; forecasts are only ever made from such a view.
/// </summary>
public sealed class PowerHistory
{
    private readonly Dictionary<(District District, string ContractType), MonthlySeries> _series;
    private readonly Dictionary<(string Sido, string ContractType), SeasonalProfile?> _profiles = [];

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
