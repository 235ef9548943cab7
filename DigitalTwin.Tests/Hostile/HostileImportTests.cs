using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Hostile;

/// <summary>KEPCO files are untrusted: implausible district names are refused by row, unknown ones flagged, and reports stay small.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Header = "year,month,sido,sigungu,contract_type,kwh\n";
    private HttpClient Http => fixture.App.Http;

    [Fact]
    public async Task PostImports_TwoMillionCharacterDistrict_RowErrorWithoutEchoingTheName()
    {
        var csv = Header + "2024,1,서울특별시,종로구,주택용,100\n" + $"2024,1,서울특별시,{new string('가', 2_000_000)},주택용,100\n";

        using var response = await UploadAsync(csv);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length < 10_000, $"The problem has {body.Length:N0} characters.");
        var error = Assert.Single(Errors(body));
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("sigungu", error.GetProperty("column").GetString());
        Assert.Contains("2,000,000 characters", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"종로구\")", "starts with '='")]
    [InlineData("+종로구", "starts with '+'")]
    [InlineData("-2+3", "starts with '-'")]
    [InlineData("@SUM(A1)", "starts with '@'")]
    [InlineData("종로구\u202E", "U+202E")]
    [InlineData("종로\u0000구", "U+0000")]
    [InlineData("Jongno-gu", "'J' (U+004A)")]
    [InlineData("종로구<script>", "'<' (U+003C)")]
    public async Task PostImports_ImplausibleDistrictName_PreciseRowError(string name, string expected)
    {
        var cell = name.Contains(',', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal) ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;
        var csv = Header + "2024,1,서울특별시,종로구,주택용,100\n" + $"2024,1,서울특별시,{cell},주택용,100\n";

        using var response = await UploadAsync(csv);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(Errors(body));
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostImports_DistrictNeverSeen_PreviewWarnsAndKnownOnesDoNot()
    {
        var csv = Header + "2024,1,서울특별시,종로구,주택용,100\n" + "2024,1,서울특별시,새마을구,주택용,100\n" + "2024,2,서울특별시,새마을구,주택용,90\n";

        using var response = await UploadAsync(csv, "?commit=false");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var issues = JsonDocument.Parse(body).RootElement.GetProperty("issues").EnumerateArray().ToList();
        var warning = Assert.Single(issues);
        Assert.Equal("Warning", warning.GetProperty("severity").GetString());
        Assert.Equal(3, warning.GetProperty("row").GetInt32());
        Assert.Contains("New district 서울특별시 새마을구", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostImports_FiftyThousandBrokenRows_ListsTheFirstHundredAndCountsTheRest()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 50_000; i++)
        {
            csv.Append("2024,1,서울특별시,종로구,주택용,n/a\n");
        }
        csv.Append("2024,13,서울특별시,종로구,주택용,1\n");

        using var response = await UploadAsync(csv.ToString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length < 50_000, $"The problem has {body.Length:N0} characters.");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(100, Errors(body).Count);
        Assert.Equal(50_001, root.GetProperty("errorCount").GetInt32());
        var counts = root.GetProperty("issueCounts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(50_000, counts["NotANumber"]);
        Assert.Equal(1, counts["OutOfRange"]);
        Assert.Contains("first 100", root.GetProperty("detail").GetString());
    }

    private static List<JsonElement> Errors(string body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray()];

    private Task<HttpResponseMessage> UploadAsync(string csv, string query = "")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return Http.PostAsync($"/api/power/imports{query}", new MultipartFormDataContent { { file, "file", "hostile.csv" } });
    }
}
