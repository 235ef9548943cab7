namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The cleaned long files: districts (<c>year,month,sido,sigungu,contract_type,kwh</c>) and provinces
/// (<c>year,month,sido,contract_type,customers,kwh,bill_krw,avg_price_krw_per_kwh</c>, 시도 "전국" for the country).
/// </summary>
internal static class LongCsvParser
{
    private static readonly RecordColumns Districts = new(["year"], ["month"], ["sido"], ["sigungu"], ["contract_type"], ["kwh"]);

    private static readonly RecordColumns Provinces = new(["year"], ["month"], ["sido"], null, ["contract_type"], ["kwh"], "customers", "bill_krw");

    public static void Parse(SourceTable table, int headerIndex, ParseContext context, bool provinces) =>
        NamedColumnParser.Parse(table, headerIndex, context, provinces ? Provinces : Districts);
}
