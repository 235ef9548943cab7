using System.Net;
using System.Text;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>POST /api/devices/{id}/telemetry over real HTTP: accepted into twin and history, or refused with ProblemDetails.</summary>
[Collection(AppCollection.Name)]
public sealed class HttpIngestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task PostTelemetry_Object_AcceptedThenVisibleInTwinAndHistory()
    {
        var ts = WholeSecond(DateTimeOffset.UtcNow.AddSeconds(-30));

        using var response = await PostAsync("http-1", $$"""{"ts":"{{ts:O}}","temperature":19.75}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("\"readings\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var twin = await Eventually.MatchAsync(() => _app.Http.GetTwinAsync("http-1"), t => t is not null, what: "twin http-1");
        Assert.Equal(new Web.Twins.MetricResponse(19.75, ts), twin!.Metrics["temperature"]);
        var history = await Eventually.MatchAsync(
            () => _app.Http.GetHistoryAsync("http-1", $"metric=temperature&from={ts.AddMinutes(-1).ToUnixTimeMilliseconds()}&to={ts.AddMinutes(1).ToUnixTimeMilliseconds()}&interval=1s&agg=last"),
            h => h.Points.Count > 0, what: "history of http-1");
        Assert.Equal([new HistoryPoint(ts, 19.75)], history.Points);
    }

    [Fact]
    public async Task PostTelemetry_BatchArray_AcceptedWithReadingCountAndAllStored()
    {
        var t0 = WholeSecond(DateTimeOffset.UtcNow.AddMinutes(-5));

        using var response = await PostAsync("http-batch", $$"""
            [{"ts":{{t0.ToUnixTimeMilliseconds()}},"temperature":10},
             {"ts":{{t0.AddSeconds(1).ToUnixTimeMilliseconds()}},"temperature":20},
             {"ts":{{t0.AddSeconds(2).ToUnixTimeMilliseconds()}},"temperature":30,"humidity":50}]
            """);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("\"readings\":3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var range = $"from={t0.ToUnixTimeMilliseconds()}&to={t0.AddMinutes(1).ToUnixTimeMilliseconds()}";
        var history = await Eventually.MatchAsync(
            () => _app.Http.GetHistoryAsync("http-batch", $"metric=temperature&{range}&interval=1s&agg=avg"),
            h => h.Points.Count == 3, what: "3 temperature points");
        Assert.Equal([10.0, 20.0, 30.0], history.Points.Select(p => p.Value));
        var max = await _app.Http.GetHistoryAsync("http-batch", $"metric=temperature&{range}&interval=1m&agg=max");
        Assert.Equal(30.0, Assert.Single(max.Points).Value);
        var twin = await _app.Http.GetTwinAsync("http-batch");
        Assert.Equal(30.0, twin!.Metrics["temperature"].Value);
        Assert.Equal(50.0, twin.Metrics["humidity"].Value);
    }

    [Fact]
    public async Task PostTelemetry_JsonWithoutJsonContentType_Accepted()
    {
        using var content = new StringContent("""{"temperature":1}""", Encoding.UTF8, "text/plain");

        using var response = await _app.PostTelemetryAsync("http-plain", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"temperature":2""", RejectReason.InvalidJson, "not valid JSON")]
    [InlineData("""{"temperature":2} trailing""", RejectReason.InvalidJson, "not valid JSON")]
    [InlineData("""{"temperature":"warm"}""", RejectReason.NonNumericValue, "'temperature'")]
    [InlineData("""{"temperature":true}""", RejectReason.NonNumericValue, "boolean")]
    [InlineData("""{"temperature":"NaN"}""", RejectReason.NonFiniteValue, "NaN")]
    [InlineData("""{"temperature":1e400}""", RejectReason.NonFiniteValue, "finite")]
    [InlineData("""{"ts":"2999-01-01T00:00:00Z","temperature":1}""", RejectReason.TimestampInFuture, "ahead of the server clock")]
    [InlineData("""{"ts":"1999-01-01T00:00:00Z","temperature":1}""", RejectReason.InvalidTimestamp, "before 2000")]
    [InlineData("""{"ts":"noon","temperature":1}""", RejectReason.InvalidTimestamp, "ISO-8601")]
    [InlineData("42", RejectReason.NotAnObject, "number")]
    [InlineData("[]", RejectReason.NoMetrics, "empty array")]
    [InlineData("{}", RejectReason.NoMetrics, "no numeric metrics")]
    [InlineData("""{"bad name":1}""", RejectReason.InvalidMetricName, "bad name")]
    [InlineData("", RejectReason.EmptyPayload, "empty")]
    [InlineData("   ", RejectReason.EmptyPayload, "white space")]
    public async Task PostTelemetry_BadBody_400ProblemWithReasonAndDetail(string body, RejectReason reason, string detail)
    {
        var device = "http-bad-" + reason;

        using var response = await PostAsync(device, body);

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal(reason.ToString(), problem.Reason());
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        await AssertNothingStoredAsync(device);
    }

    [Fact]
    public async Task PostTelemetry_InvalidUtf8_400InvalidJson()
    {
        using var content = new ByteArrayContent([.. "{\"temperature\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        using var response = await _app.PostTelemetryAsync("http-utf8", content);

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal(nameof(RejectReason.InvalidJson), problem.Reason());
    }

    [Fact]
    public async Task PostTelemetry_OverMaxPayloadBytes_413ProblemWithReason()
    {
        var body = """{"temperature":1}""" + new string(' ', 70_000);

        using var response = await PostAsync("http-big", body);

        var problem = await ApiJson.AssertProblemAsync(response, 413);
        Assert.Equal(nameof(RejectReason.PayloadTooLarge), problem.Reason());
        Assert.Contains("65,536", problem.Detail, StringComparison.Ordinal);
        await AssertNothingStoredAsync("http-big");
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("-dash")]
    [InlineData("%C3%A9t%C3%A9")]
    public async Task PostTelemetry_InvalidDeviceId_400ProblemWithReason(string escapedId)
    {
        using var content = new StringContent("""{"temperature":1}""", Encoding.UTF8, "application/json");

        using var response = await _app.Http.PostAsync($"/api/devices/{escapedId}/telemetry", content);

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.Equal(nameof(RejectReason.InvalidDeviceId), problem.Reason());
        Assert.Contains(Uri.UnescapeDataString(escapedId), problem.Detail, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string deviceId, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _app.PostTelemetryAsync(deviceId, content);
    }

    /// <summary>The device is registered (so it has a twin), but nothing refused reached it.</summary>
    private async Task AssertNothingStoredAsync(string deviceId)
    {
        await Task.Delay(200);
        var twin = await _app.Http.GetTwinAsync(deviceId);
        Assert.Empty(twin!.Metrics);
        Assert.Equal(0, await _app.CountSamplesAsync(deviceId));
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
}
