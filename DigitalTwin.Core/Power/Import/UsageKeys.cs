namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// A row's (district, contract type, month) as one number, so the whole-file checks key their dictionaries by a long
/// instead of hashing three strings per row, a quarter of a 720,000-value file's parse. Districts and their types are
/// numbered as they come (consecutive rows mostly share both, so a run of rows costs one look-up) and the month sits
/// in the low bits: below 2^15 numbered pairs, every key's 32-bit hash is distinct.
/// </summary>
internal sealed class UsageKeys
{
    /// <summary>Year × 12 + month stays below 2^17 up to the year 9999 (a YYYYMM cell).</summary>
    private const int MonthBits = 17;

    private readonly Dictionary<(string Sido, string Sigungu), int> _districts = [];
    private readonly Dictionary<(int District, string ContractType), int> _districtTypes = [];
    private ParsedUsage? _previous;
    private int _district;
    private int _districtType;

    /// <summary>The unique key of a row: the same for two rows of one district, type and month.</summary>
    public long Of(ParsedUsage row)
    {
        Identify(row);
        return ((long)_districtType << MonthBits) | MonthIndex(row);
    }

    /// <summary>What a 합계 sums over: the same for every type of one district and month.</summary>
    public long DistrictMonth(ParsedUsage row)
    {
        Identify(row);
        return ((long)_district << MonthBits) | MonthIndex(row);
    }

    private static long MonthIndex(ParsedUsage row) => row.Month.Year * 12L + row.Month.Month;

    private void Identify(ParsedUsage row)
    {
        var sameDistrict = row.SameDistrict(_previous);
        if (!sameDistrict)
        {
            _district = Number(_districts, (row.Sido, row.Sigungu));
        }
        if (!sameDistrict || !string.Equals(row.ContractType, _previous!.ContractType, StringComparison.Ordinal))
        {
            _districtType = Number(_districtTypes, (_district, row.ContractType));
        }
        _previous = row;
    }

    private static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
        where TKey : notnull
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            numbers[key] = number = numbers.Count;
        }
        return number;
    }
}
