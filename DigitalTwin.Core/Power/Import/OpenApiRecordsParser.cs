namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// KEPCO's open API (bigdata.kepco.co.kr "계약종별 전력사용량"), saved as CSV or JSON: records
/// <c>year, month, metro, city, cntr|biz, custCnt, powerUsage, bill, unitCost</c>. An empty city is the whole 시도.
/// </summary>
internal static class OpenApiRecordsParser
{
    private static readonly RecordColumns Columns = new(["year"], ["month"], ["metro"], ["city"], ["cntr", "biz"], ["powerUsage"], "custCnt", "bill");

    public static void Parse(SourceTable table, int headerIndex, ParseContext context) =>
        NamedColumnParser.Parse(table, headerIndex, context, Columns);
}
