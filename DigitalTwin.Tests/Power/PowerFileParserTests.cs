using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;

namespace DigitalTwin.Tests.Power;

/// <summary>Format and encoding detection and every quirk of the real files, without a database.</summary>
public sealed class PowerFileParserTests
{
    private static ParsedFile Parse(string name, byte[] bytes) => PowerFileParser.Parse(name, bytes, null, 0, 1);

    private static ParsedFile ParseSample(string name) => Parse(name, PowerSamples.Bytes(name));

    private static long? Kwh(ParsedFile file, string sido, string sigungu, string type, int year, int month) =>
        file.Rows.Single(r => r.Sido == sido && r.Sigungu == sigungu && r.ContractType == type && r.Month == new YearMonth(year, month)).Kwh;

    [Fact]
    public void Parse_Cp949WideCsv_DetectsEncodingFormatAndValues()
    {
        var file = ParseSample("wide_2023_cp949.csv");

        Assert.Equal(("KEPCO wide (시군구)", "CP949"), (file.Format, file.Encoding));
        Assert.Empty(file.Issues);
        Assert.Equal(24 * 4, file.Rows.Count);
        Assert.Equal(25_002_325, Kwh(file, "서울특별시", "종로구", "주택용", 2023, 1));
        // "합 계" and "심 야" are written with a space.
        Assert.NotNull(Kwh(file, "서울특별시", "종로구", ContractTypes.Total, 2023, 4));
        Assert.NotNull(Kwh(file, "서울특별시", "종로구", ContractTypes.Night, 2023, 4));
    }

    [Fact]
    public void Parse_WideAliases_MapsToCanonicalNames()
    {
        var file = ParseSample("wide_2023_cp949.csv");

        Assert.Contains(file.Rows, r => r.Sido == "강원특별자치도" && r.Sigungu == "춘천시");
        // 군위군 was in 경상북도 until 2023-06; every month is stored under 대구광역시.
        Assert.Contains(file.Rows, r => r.Sido == "대구광역시" && r.Sigungu == "군위군" && r.Month == new YearMonth(2023, 1));
        Assert.DoesNotContain(file.Rows, r => r.Sido is "강원도" or "경상북도");
    }

    [Theory]
    [InlineData("wide_2024_utf8.csv", "UTF-8")]
    [InlineData("wide_2024_utf8_bom.csv", "UTF-8 with BOM")]
    [InlineData("wide_2024_cp949.csv", "CP949")]
    public void Parse_WideInAnyEncoding_ReadsTheSameRows(string sample, string encoding)
    {
        var file = ParseSample(sample);

        Assert.Equal(encoding, file.Encoding);
        Assert.Empty(file.Issues);
        Assert.Equal(32 * 4, file.Rows.Count);
        Assert.Equal(24_457_510, Kwh(file, "서울특별시", "종로구", "주택용", 2024, 1));
        Assert.Contains(file.Rows, r => r.Sido == "전북특별자치도" && r.Sigungu == "전주시");
        Assert.Contains(file.Rows, r => r.Sido == "인천광역시" && r.Sigungu == "미추홀구");
    }

    [Fact]
    public void Parse_OriginalXlsx_EqualsTheCp949Csv()
    {
        var xlsx = ParseSample("wide_2023.xlsx");
        var csvPath = Path.Combine(SampleData.FindDirectory()!, "kepco", "original", "2023_jan-apr_시군구별_전력사용량_cp949.csv");
        var csv = Parse("csv", File.ReadAllBytes(csvPath));

        Assert.Equal(("KEPCO wide (시군구)", "XLSX"), (xlsx.Format, xlsx.Encoding));
        Assert.Empty(xlsx.Issues);
        Assert.Equal(1830 * 4, xlsx.Rows.Count);
        var fromCsv = csv.Rows.Select(r => (r.Month, r.Sido, r.Sigungu, r.ContractType, r.Kwh)).ToHashSet();
        Assert.All(xlsx.Rows, r => Assert.Contains((r.Month, r.Sido, r.Sigungu, r.ContractType, r.Kwh), fromCsv));
    }

    [Fact]
    public void Parse_ProvincePortal_ReadsBothBlocksAndSkipsTheGrandTotal()
    {
        var file = ParseSample("province_portal_2022-01.csv");

        Assert.Equal(("KEPCO wide (시도)", "UTF-8 with BOM"), (file.Format, file.Encoding));
        Assert.Equal(7 + 3 * 8, file.Rows.Count);
        Assert.Equal(7, file.Rows.Count(r => r.Sido == RegionAliases.Nationwide && r.Sigungu == PowerUsage.ProvinceTotal));
        var seoul = file.Rows.Single(r => r.Sido == "서울특별시" && r.ContractType == "주택용");
        Assert.Equal(PowerUsage.ProvinceTotal, seoul.Sigungu);
        Assert.NotNull(seoul.Customers);
        Assert.NotNull(seoul.BillKrw);
        Assert.Contains(file.Rows, r => r.Sido == "강원특별자치도" && r.ContractType == ContractTypes.Total);
    }

    [Fact]
    public void Parse_SejongNegativeValue_WarnsWithoutRejecting()
    {
        var file = ParseSample("province_portal_2022-01.csv");

        // The 일반용 row and, through it, 세종's 합계 (row 38) are negative: both warned, neither refused.
        Assert.All(file.Issues, i => Assert.Equal(ImportSeverity.Warning, i.Severity));
        Assert.Equal([36, 38], file.Issues.Select(i => i.Row!.Value).Order());
        var issue = file.Issues.Single(i => i.Row == 36);
        Assert.Equal(("사용량(kWh)", "-560490206"), (issue.Column, issue.Value));
        Assert.Equal(-560_490_206, Kwh(file, "세종특별자치시", "", "일반용", 2022, 1));
    }

    [Fact]
    public void Parse_LongDistrictFile_KeepsGunwiOneDistrictAcrossTheMove()
    {
        var file = ParseSample("long_district.csv");

        Assert.Equal(("long CSV (시군구)", "UTF-8"), (file.Format, file.Encoding));
        Assert.Empty(file.Issues);
        Assert.Equal(8, file.Rows.Count(r => r.Sido == "대구광역시" && r.Sigungu == "군위군" && r.Month == new YearMonth(2023, 1)));
        Assert.Equal(8, file.Rows.Count(r => r.Sido == "대구광역시" && r.Sigungu == "군위군" && r.Month == new YearMonth(2024, 1)));
    }

    [Fact]
    public void Parse_LongProvinceFile_ReadsNationalAndProvinceRows()
    {
        var file = ParseSample("long_province.csv");

        Assert.Equal("long CSV (시도)", file.Format);
        Assert.Equal(23, file.Rows.Count);
        Assert.All(file.Rows, r => Assert.Equal(PowerUsage.ProvinceTotal, r.Sigungu));
        Assert.Contains(file.Rows, r => r.Sido == RegionAliases.Nationwide && r.Customers > 0 && r.BillKrw > 0);
        Assert.Contains(file.Issues, i => i.Severity == ImportSeverity.Warning && i.Column == "kwh" && i.Value == "-560490206");
    }

    [Fact]
    public void Parse_OpenApiCsv_MapsShortAndOldNames()
    {
        var file = ParseSample("openapi_records.csv");

        Assert.Equal("KEPCO open API (CSV)", file.Format);
        Assert.Empty(file.Issues);
        Assert.Equal(80_123, file.Rows.Single(r => r.Sigungu == "종로구" && r.ContractType == "주택용").Customers);
        Assert.Contains(file.Rows, r => r.Sido == "서울특별시" && r.Sigungu == "중구");
        Assert.Contains(file.Rows, r => r.Sido == "강원특별자치도" && r.Sigungu == "춘천시");
        Assert.Contains(file.Rows, r => r.Sido == "대구광역시" && r.Sigungu == "군위군");
    }

    [Fact]
    public void Parse_OpenApiJson_ReadsWrappedRecords()
    {
        var file = ParseSample("openapi_records.json");

        Assert.Equal(("KEPCO open API (JSON)", "UTF-8"), (file.Format, file.Encoding));
        Assert.Empty(file.Issues);
        Assert.Equal(4, file.Rows.Count);
        Assert.Contains(file.Rows, r => r.Sido == "인천광역시" && r.Sigungu == "미추홀구" && r.Row == 3);
        Assert.Contains(file.Rows, r => r.Sido == "전북특별자치도" && r.Sigungu == PowerUsage.ProvinceTotal && r.Month == new YearMonth(2023, 1));
    }

    [Fact]
    public void Parse_OpenApiJsonArray_IsAccepted()
    {
        var json = """[{"year":2024,"month":3,"metro":"제주","city":"제주시","biz":"주택용","custCnt":1,"powerUsage":"1,234","bill":5,"unitCost":1}]""";

        var file = Parse("records.json", PowerSamples.Utf8(json));

        Assert.Empty(file.Issues);
        Assert.Equal(("제주특별자치도", "제주시", 1234L), (file.Rows[0].Sido, file.Rows[0].Sigungu, file.Rows[0].Kwh!.Value));
    }

    [Fact]
    public void Parse_TotalNotTheSumOfTypes_Warns()
    {
        var text = PowerSamples.Text("wide_2024_utf8.csv");
        var lines = text.Split("\r\n");
        var total = Array.FindIndex(lines, l => l.Contains("종로구,합 계", StringComparison.Ordinal));
        var cells = lines[total].Split(",\"");
        lines[total] = string.Join(",\"", [cells[0], " 1,000 \"", .. cells[2..]]);

        var file = Parse("edited.csv", PowerSamples.Utf8(string.Join("\r\n", lines)));

        var warning = Assert.Single(file.Issues);
        Assert.Equal((ImportSeverity.Warning, total + 1, "1월", "1000"), (warning.Severity, warning.Row, warning.Column, warning.Value));
        Assert.Contains("합계", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DashForMissingValue_StoresNull()
    {
        // As in the 2024 file (서울 중구 농사용 Aug–Dec): " - ", and 합계 is the sum of the values present.
        var text = "연도,시도,시군구,계약종별, 7월 , 8월 ,\r\n"
            + "2024,서울특별시,중구,주택용,\" 20,000 \",\" 21,000 \",\r\n"
            + "2024,서울특별시,중구,농사용,\" 1,500 \", - ,\r\n"
            + "2024,서울특별시,중구,합 계,\" 21,500 \",\" 21,000 \",\r\n";

        var file = Parse("dash.csv", PowerSamples.Utf8(text));

        Assert.Empty(file.Issues);
        Assert.Null(Kwh(file, "서울특별시", "중구", "농사용", 2024, 8));
        Assert.Equal(1_500, Kwh(file, "서울특별시", "중구", "농사용", 2024, 7));
    }

    [Fact]
    public void Parse_SubsetOfMonths_ReadsOnlyThoseMonths()
    {
        var text = "연도,시도,시군구,계약종별, 2월 , 4월 ,\r\n"
            + "2024,서울,종로구,주택용,\" 23,282,118 \",\" 19,900,744 \",\r\n"
            + "2024,서울,종로구,합 계,\" 23,282,118 \",\" 19,900,744 \",\r\n";

        var file = Parse("partial.csv", PowerSamples.Utf8(text));

        Assert.Empty(file.Issues);
        Assert.Equal([new YearMonth(2024, 2), new YearMonth(2024, 4)], file.Rows.Select(r => r.Month).Distinct().Order());
        Assert.Equal(19_900_744, Kwh(file, "서울특별시", "종로구", "주택용", 2024, 4));
    }

    [Fact]
    public void Parse_UnknownLayout_IsAnError()
    {
        var file = Parse("notes.csv", PowerSamples.Utf8("name,value\r\na,1\r\n"));

        var error = Assert.Single(file.Issues);
        Assert.Equal((ImportSeverity.Error, 1, "name,value"), (error.Severity, error.Row, error.Value));
        Assert.Empty(file.Rows);
    }
}
