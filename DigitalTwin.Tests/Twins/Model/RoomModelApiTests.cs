using System.Net;
using System.Net.Http.Json;
using System.Text;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Twins;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Twins.Model;

/// <summary>The room model over the real app: a device fed the simulator's room through the telemetry API, then asked for its model.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomModelApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task GetForecast_SimulatedRoom_PointsAheadOfNewestReadingWithinTheirInterval()
    {
        var newest = await FeedSimulatedRoomAsync("room-api-1");

        using var response = await _app.Http.GetAsync("/api/devices/room-api-1/forecast?metric=temperature&horizon=PT2H");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forecast = (await response.Content.ReadFromJsonAsync<RoomForecastResponse>(ApiJson.Options))!;
        Assert.Equal("room-rc", forecast.Model.Kind);
        Assert.NotEmpty(forecast.Points);
        Assert.All(forecast.Points, p =>
        {
            Assert.True(p.Time > newest, $"{p.Time} is not after the newest reading {newest}");
            Assert.InRange(p.Value, p.Lower, p.Upper);
        });
        Assert.InRange(forecast.Points[^1].Time - newest, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2.1));
        Assert.Contains(forecast.Model.Parameters, p => p.Name.StartsWith("τ", StringComparison.Ordinal) && p.Value > 0);
        Assert.NotNull(forecast.Model.Backtest);
    }

    [Fact]
    public async Task GetWhatIf_SetpointAboveRoom_ReachedWithHeaterRunning()
    {
        await FeedSimulatedRoomAsync("room-api-2");

        var answer = (await _app.Http.GetFromJsonAsync<WhatIfAnswer>("/api/devices/room-api-2/what-if?setpoint=24", ApiJson.Options))!;

        Assert.True(answer.Reachable, $"ceiling {answer.Ceiling}");
        Assert.NotNull(answer.TimeToReach);
        Assert.True(answer.HeaterOnUntilReached > TimeSpan.Zero);
        Assert.True(answer.HeaterOnUntilReached <= answer.TimeToReach);
    }

    [Fact]
    public async Task GetModel_DeviceWithoutOutdoorTemperature_FallsBackToDailyProfile()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-6);
        var body = "[" + string.Join(",", Enumerable.Range(0, 360).Select(i =>
            FormattableString.Invariant($$"""{"ts":{{start.AddMinutes(i).ToUnixTimeMilliseconds()}},"temperature":{{20 + Math.Sin(i / 30.0)}}}"""))) + "]";
        using (var post = await _app.PostTelemetryAsync("room-api-3", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        }
        await WaitForHistoryAsync("room-api-3", DateTimeOffset.FromUnixTimeMilliseconds(start.AddMinutes(359).ToUnixTimeMilliseconds()));

        var model = (await _app.Http.GetFromJsonAsync<RoomModelResponse>("/api/devices/room-api-3/model", ApiJson.Options))!;

        Assert.Equal("daily-profile", model.Kind);
        Assert.Contains(model.Parameters, p => p.Name == "Daily swing");
    }

    [Theory]
    [InlineData("/api/devices/no-such-room/forecast", "Unknown device")]
    [InlineData("/api/devices/no-such-room/model", "Unknown device")]
    [InlineData("/api/devices/no-such-room/what-if?setpoint=22", "Unknown device")]
    public async Task Get_UnknownDevice_Is404(string url, string title)
    {
        using var response = await _app.Http.GetAsync(url);

        var problem = await ApiJson.AssertProblemAsync(response, 404);
        Assert.Equal(title, problem.Title);
    }

    [Fact]
    public async Task GetForecast_MetricNeverReported_Is404()
    {
        await _app.EnsureDeviceAsync("room-api-4");

        using var response = await _app.Http.GetAsync("/api/devices/room-api-4/forecast?metric=pressure");

        var problem = await ApiJson.AssertProblemAsync(response, 404);
        Assert.Equal("Device 'room-api-4' has never reported 'pressure'.", problem.Detail);
    }

    [Theory]
    [InlineData("forecast?horizon=PT25H", "'horizon' ('PT25H') must be")]
    [InlineData("forecast?horizon=PT0S", "'horizon' ('PT0S') must be")]
    [InlineData("forecast?horizon=soon", "'horizon' ('soon') must be")]
    [InlineData("forecast?horizon=-2h", "'horizon' ('-2h') must be")]
    [InlineData("forecast?metric=bad%20name", "'metric' ('bad name') is not a metric name")]
    [InlineData("what-if?setpoint=hot", "'setpoint' ('hot') must be a temperature")]
    [InlineData("what-if?setpoint=80", "'setpoint' ('80') must be a temperature")]
    [InlineData("what-if", "'setpoint' (missing) must be a temperature")]
    public async Task Get_BadParameter_Is400NamingIt(string query, string message)
    {
        await _app.EnsureDeviceAsync("room-api-5");

        using var response = await _app.Http.GetAsync($"/api/devices/room-api-5/{query}");

        var problem = await ApiJson.AssertProblemAsync(response, 400);
        Assert.StartsWith(message, problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Sixteen hours of the simulator's default room at 30 s, posted in batches as the device; returns the newest reading's time.</summary>
    private async Task<DateTimeOffset> FeedSimulatedRoomAsync(string deviceId)
    {
        var step = TimeSpan.FromSeconds(30);
        // The newest reading 2 s into a minute, alone in its minute's bucket: a fit that dropped it once started its forecast before it.
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddSeconds(2 - 60);
        var start = end - TimeSpan.FromHours(16);
        var thermometer = new SimulatedThermometer(deviceId, new ThermalModel(new ThermalModelParameters(), start, 18), seed: 5);
        var readings = new List<string>();
        var last = start;
        for (var t = start; t <= end; t += step)
        {
            readings.Add(Encoding.UTF8.GetString(TelemetryPayload.Serialize(t, thermometer.Read(t))));
            last = t;
        }
        foreach (var batch in readings.Chunk(300))
        {
            using var post = await _app.PostTelemetryAsync(deviceId, new StringContent("[" + string.Join(",", batch) + "]", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        }
        // The API writes milliseconds; the newest reading's time as stored. The API accepts before history commits,
        // and the model is fitted from history, so wait for the newest reading to be there.
        var newest = DateTimeOffset.FromUnixTimeMilliseconds(last.ToUnixTimeMilliseconds());
        await WaitForHistoryAsync(deviceId, newest);
        return newest;
    }

    private Task WaitForHistoryAsync(string deviceId, DateTimeOffset newest)
    {
        var history = _app.Services.GetRequiredService<HistoryStore>();
        return Eventually.TrueAsync(async () => (await history.LatestAsync(deviceId)).TryGetValue("temperature", out var latest) && latest.Timestamp >= newest,
            what: $"{deviceId}'s newest reading in history");
    }
}
