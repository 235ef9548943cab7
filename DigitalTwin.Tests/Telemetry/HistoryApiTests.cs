using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>GET /api/devices/{id}/telemetry?agg=all: every aggregate of each bucket in one call, next to the one-value aggregations.</summary>
[Collection(AppCollection.Name)]
public sealed class HistoryApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 3, 4, 0, 0, TimeSpan.Zero);
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task GetHistory_AggAll_MinAvgMaxLastAndCountPerBucket()
    {
        await PostAsync("hist-all-1", (0, 10), (20, 40), (40, 4), (60, 7), (90, 5));

        var buckets = await GetBucketsAsync("hist-all-1", $"metric=temperature&from={Ms(T0)}&to={Ms(T0.AddMinutes(2))}&interval=1m&agg=all");

        Assert.Equal(TimeSpan.FromMinutes(1), buckets.Interval);
        Assert.Equal([new HistoryBucket(T0, 4, 18, 40, 4, 3), new HistoryBucket(T0.AddMinutes(1), 5, 6, 7, 5, 2)], buckets.Buckets);
    }

    [Theory]
    [InlineData("min")]
    [InlineData("avg")]
    [InlineData("max")]
    [InlineData("last")]
    public async Task GetHistory_OneValueAggregations_SameValuesAsTheBucketsOfAggAll(string agg)
    {
        await PostAsync("hist-all-2", (5, 1.5), (30, 9), (65, -2), (100, 3.25), (130, 8));
        var range = $"metric=temperature&from={Ms(T0)}&to={Ms(T0.AddMinutes(3))}&interval=1m";

        var all = await GetBucketsAsync("hist-all-2", range + "&agg=all");
        var series = await _app.Http.GetHistoryAsync("hist-all-2", range + "&agg=" + agg);

        Func<HistoryBucket, double> pick = agg switch { "min" => b => b.Min, "avg" => b => b.Avg, "max" => b => b.Max, _ => b => b.Last };
        Assert.Equal(3, all.Buckets.Count);
        Assert.Equal(all.Buckets.Select(b => new HistoryPoint(b.Time, pick(b))), series.Points);
    }

    [Fact]
    public async Task OpenApi_HistoryOperation_DocumentsAggAllAndItsBuckets()
    {
        using var document = JsonDocument.Parse(await _app.Http.GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty("/api/devices/{id}/telemetry").GetProperty("get");
        var agg = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "agg");
        Assert.Contains("all:", agg.GetProperty("description").GetString(), StringComparison.Ordinal);
        var answers = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("properties")).ToList();
        Assert.Equal(2, answers.Count);
        Assert.True(answers[0].TryGetProperty("points", out _), "the first answer has points");
        var bucket = answers[1].GetProperty("buckets").GetProperty("items").GetProperty("properties");
        Assert.Equal(["time", "min", "avg", "max", "last", "count"], bucket.EnumerateObject().Select(p => p.Name));
    }

    private async Task PostAsync(string device, params (int Second, double Value)[] readings)
    {
        var body = "[" + string.Join(",", readings.Select(r => FormattableString.Invariant($$"""{"ts":{{Ms(T0.AddSeconds(r.Second))}},"temperature":{{r.Value}}}"""))) + "]";
        using var post = await _app.PostTelemetryAsync(device, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
    }

    private async Task<HistoryBuckets> GetBucketsAsync(string device, string query)
    {
        using var response = await _app.Http.GetAsync($"/api/devices/{device}/telemetry?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HistoryBuckets>(ApiJson.Options))!;
    }

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
