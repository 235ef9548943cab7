namespace DigitalTwin.Core.Power;

/// <summary>
/// Electricity used in one month by one contract type in one district (시군구), as KEPCO bills it.
/// Province-level rows (the 시도 export) have <see cref="Sigungu"/> = <see cref="ProvinceTotal"/>.
/// </summary>
public sealed class PowerUsage
{
    /// <summary>The 시군구 of a province-level row: the whole 시도.</summary>
    public const string ProvinceTotal = "";

    public long Id { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    /// <summary>Canonical 시도 name (aliases such as 강원도 → 강원특별자치도 resolved on import).</summary>
    public required string Sido { get; set; }

    public required string Sigungu { get; set; }

    /// <summary>One of <see cref="ContractTypes.All"/>, spaces removed (합 계 → 합계).</summary>
    public required string ContractType { get; set; }

    /// <summary>kWh in the month; null where KEPCO writes "-".</summary>
    public long? Kwh { get; set; }

    /// <summary>Customers (고객호수), when the source has them.</summary>
    public long? Customers { get; set; }

    /// <summary>Bill in KRW (전기요금), when the source has it.</summary>
    public long? BillKrw { get; set; }
}
