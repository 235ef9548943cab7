namespace DigitalTwin.Core.Power.Import;

/// <summary>One value read from a file, with canonical names, and where it came from (for issues).</summary>
internal sealed record ParsedUsage(
    YearMonth Month,
    string Sido,
    string Sigungu,
    string ContractType,
    long? Kwh,
    long? Customers,
    long? BillKrw,
    int Row,
    string KwhColumn);
