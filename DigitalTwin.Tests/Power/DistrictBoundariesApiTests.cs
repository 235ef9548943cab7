using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Power;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

[Collection(AppCollection.Name)]
public sealed class DistrictBoundariesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Http => fixture.App.Http;

    [Fact]
    public async Task GetBoundaries_Twice_SecondIsNotModifiedByETag()
    {
        using var first = await Http.GetAsync(DistrictBoundariesApi.BoundariesPath);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), first.Headers.CacheControl?.MaxAge);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStreamAsync());
        var geometries = json.RootElement.GetProperty("objects").GetProperty(DistrictBoundaries.ObjectName).GetProperty("geometries");
        Assert.Equal(250, geometries.GetArrayLength());
        Assert.Contains(geometries.EnumerateArray(), g =>
            g.GetProperty("properties").GetProperty("code").GetString() == "23030"
            && g.GetProperty("properties").GetProperty("sigungu").GetString() == "미추홀구");

        using var request = new HttpRequestMessage(HttpMethod.Get, DistrictBoundariesApi.BoundariesPath);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task GetBoundaries_AcceptsGzip_SendsTheSameJsonCompressed()
    {
        using var plain = await Http.GetAsync(DistrictBoundariesApi.BoundariesPath);
        using var request = new HttpRequestMessage(HttpMethod.Get, DistrictBoundariesApi.BoundariesPath);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var compressed = await Http.SendAsync(request);

        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        var raw = await plain.Content.ReadAsByteArrayAsync();
        var zipped = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(zipped.Length < raw.Length / 2, $"{zipped.Length} of {raw.Length} bytes");
        await using var gzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var unzipped = new MemoryStream();
        await gzip.CopyToAsync(unzipped);
        Assert.Equal(raw, unzipped.ToArray());
    }

    [Fact]
    public async Task GetReport_StoredDistricts_ListsMismatchesBothWays()
    {
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await AddAsync(db,
            [
                Row(2024, 1, "인천광역시", "미추홀구", ContractTypes.Total, 100),
                Row(2024, 1, "서울특별시", "없는구", ContractTypes.Total, 100),
            ]);
        }

        var report = await Http.GetFromJsonAsync<BoundaryReport>("/api/power/districts/boundaries/report", ApiJson.Options);

        Assert.NotNull(report);
        Assert.Equal((250, 2), (report.Features, report.Districts));
        Assert.Equal([new District("서울특별시", "없는구")], report.DistrictsWithoutBoundary);
        Assert.Equal(249, report.UnmatchedFeatures.Count);
        Assert.DoesNotContain(new KostatFeature("23030", "남구"), report.UnmatchedFeatures);
    }
}
