namespace DigitalTwin.Core.Power;

/// <summary>What a district map shows for one month.</summary>
public enum DistrictMeasure
{
    /// <summary>kWh of one contract type.</summary>
    Use,

    /// <summary>산업용 / 합계 (0–1).</summary>
    IndustrialShare,

    /// <summary>kWh of one contract type against the same month a year before (0.03 = +3 %).</summary>
    ChangeVsLastYear,
}

/// <summary>One value per district for a month, from usage rows, for the district map.</summary>
public static class DistrictMeasures
{
    /// <summary>
    /// Districts without the rows a measure needs (no 합계, a zero denominator, no month a year before) are left out,
    /// so the map shows them as "no data" rather than as zero. Province-level rows are ignored.
    /// </summary>
    public static IReadOnlyDictionary<District, double> Compute(IEnumerable<UsageRow> rows, YearMonth month, DistrictMeasure measure, string contractType)
    {
        var kwh = rows
            .Where(r => r.Sigungu != PowerUsage.ProvinceTotal && r.Kwh is not null)
            .GroupBy(r => (District: new District(r.Sido, r.Sigungu), r.Period, r.ContractType))
            .ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Kwh!.Value));
        double? Get(District district, YearMonth period, string type) => kwh.TryGetValue((district, period, type), out var v) ? v : null;

        var values = new Dictionary<District, double>();
        foreach (var district in kwh.Keys.Where(k => k.Period == month).Select(k => k.District).Distinct())
        {
            double? value = measure switch
            {
                DistrictMeasure.Use => Get(district, month, contractType),
                DistrictMeasure.IndustrialShare => Ratio(Get(district, month, ContractTypes.Industrial) ?? 0, Get(district, month, ContractTypes.Total)),
                DistrictMeasure.ChangeVsLastYear => Ratio(
                    Get(district, month, contractType) - Get(district, month.AddMonths(-12), contractType),
                    Get(district, month.AddMonths(-12), contractType)),
                _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
            };
            if (value is { } v && double.IsFinite(v))
            {
                values[district] = v;
            }
        }
        return values;
    }

    private static double? Ratio(double? part, double? whole) => part is { } p && whole is > 0 and { } w ? p / w : null;
}
