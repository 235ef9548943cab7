using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Power;

[Collection(AppCollection.Name)]
public sealed class PowerApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Http => fixture.App.Http;

    [Fact]
    public async Task PostImports_ValidFile_Returns201WithTheResult()
    {
        using var response = await UploadAsync("wide_2023_cp949.csv", PowerSamples.Bytes("wide_2023_cp949.csv"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(96, root.GetProperty("rowsNew").GetInt32() + root.GetProperty("rowsUnchanged").GetInt32());
        Assert.Equal("CP949", root.GetProperty("encoding").GetString());
        Assert.Equal($"/api/power/imports/{root.GetProperty("importId").GetInt32()}", response.Headers.Location?.OriginalString);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task PostImports_NegativeValue_Returns201WithTheWarning()
    {
        using var response = await UploadAsync("province_portal_2022-01.csv", PowerSamples.Bytes("province_portal_2022-01.csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(warnings, w => w.GetProperty("row").GetInt32() == 36 && w.GetProperty("value").GetString() == "-560490206");
    }

    [Fact]
    public async Task PostImports_CommitFalse_PreviewsWithoutWriting()
    {
        using var response = await UploadAsync("openapi_records.json", PowerSamples.Bytes("openapi_records.json"), "?commit=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, json.RootElement.GetProperty("rowsNew").GetInt32());
        using var usage = await Http.GetAsync("/api/power/usage?sido=인천&sigungu=남구");
        Assert.Equal("[]", await usage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostImports_BrokenFile_Returns400ProblemDetailsWithTheErrors()
    {
        var text = PowerSamples.Text("wide_2024_utf8.csv").Replace("\" 24,457,510 \"", "n/a", StringComparison.Ordinal);

        using var response = await UploadAsync("broken.csv", PowerSamples.Utf8(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "1월", "n/a"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PostImports_NoFile_Returns400()
    {
        using var content = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        using var response = await Http.PostAsync("/api/power/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetUsage_Filters_ReturnMatchingRowsUnderCanonicalNames()
    {
        using (var upload = await UploadAsync("wide_2023_cp949.csv", PowerSamples.Bytes("wide_2023_cp949.csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using var response = await Http.GetAsync("/api/power/usage?sido=강원도&sigungu=춘천시&contractType=합 계&from=2023-02&to=2023-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([2, 3], rows.Select(r => r.GetProperty("month").GetInt32()));
        Assert.All(rows, r => Assert.Equal(("강원특별자치도", "춘천시", "합계"),
            (r.GetProperty("sido").GetString(), r.GetProperty("sigungu").GetString(), r.GetProperty("contractType").GetString())));
    }

    [Theory]
    [InlineData("from=2023-13")]
    [InlineData("to=202301")]
    [InlineData("contractType=전기차")]
    [InlineData("sido=화성")]
    [InlineData("from=2023-05&to=2023-01")]
    public async Task GetUsage_BadParameter_Returns400ProblemDetails(string query)
    {
        using var response = await Http.GetAsync($"/api/power/usage?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetImports_ListsCommittedImports()
    {
        using (var upload = await UploadAsync("history.csv", PowerSamples.Bytes("openapi_records.csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using var response = await Http.GetAsync("/api/power/imports");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var latest = json.RootElement.EnumerateArray().First();
        Assert.Equal(("history.csv", "admin (token tests)"), (latest.GetProperty("fileName").GetString(), latest.GetProperty("importedBy").GetString()));
    }

    private Task<HttpResponseMessage> UploadAsync(string fileName, byte[] bytes, string query = "")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var content = new MultipartFormDataContent { { file, "file", fileName } };
        return Http.PostAsync($"/api/power/imports{query}", content);
    }
}
