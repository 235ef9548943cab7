using System.Globalization;
using System.Net;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Mqtt;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Health;

/// <summary>/health/live and /health/ready on the real app: anonymous answers, detail only with a token, broken parts.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthEndpointTests
{
    private static readonly string[] ReadinessChecks = ["database", "ingest-queue", "mqtt", "twin-silo"];

    [Fact]
    public async Task Ready_AllPartsRunning_HealthyWithEveryCheckAndNoDetailForAnonymous()
    {
        await using var app = await new DigitalTwinAppFactory().StartAsync();

        var (status, body) = await GetAsync(app.AnonymousHttp, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(ReadinessChecks, checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c =>
        {
            Assert.Equal("Healthy", c.Value.GetProperty("status").GetString());
            Assert.False(c.Value.TryGetProperty("description", out _), $"{c.Name} describes itself to an anonymous caller");
        });
    }

    [Fact]
    public async Task Ready_WithToken_DescribesEachCheck()
    {
        await using var app = await new DigitalTwinAppFactory().StartAsync();

        var (_, body) = await GetAsync(app.Http, "/health/ready");

        var checks = body.GetProperty("checks");
        Assert.Contains("embedded broker listening on port " + app.MqttPort.ToString(CultureInfo.InvariantCulture),
            checks.GetProperty("mqtt").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("readings queued", checks.GetProperty("ingest-queue").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAndReady_EmbeddedBrokerStopped_LiveStillOkReadyUnhealthy()
    {
        await using var app = await new DigitalTwinAppFactory().StartAsync();

        await app.Services.GetRequiredService<EmbeddedMqttBroker>().StopAsync(CancellationToken.None);

        var (readyStatus, ready) = await GetAsync(app.AnonymousHttp, "/health/ready");
        var (liveStatus, live) = await GetAsync(app.AnonymousHttp, "/health/live");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("mqtt").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ExternalBrokerStoppedAndStartedAgain_UnhealthyThenHealthy()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Mqtt:Mode"] = "External";
        app.Settings["Mqtt:Host"] = "127.0.0.1";
        app.Settings["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        await app.StartAsync();
        await WaitForReadyAsync(app, HttpStatusCode.OK, "ready once subscribed to mosquitto");

        await broker.StopAsync();
        var down = await WaitForReadyAsync(app, HttpStatusCode.ServiceUnavailable, "ready to turn unhealthy with mosquitto stopped");
        Assert.Equal("Unhealthy", down.GetProperty("checks").GetProperty("mqtt").GetProperty("status").GetString());
        Assert.Contains("not connected to the broker", down.GetProperty("checks").GetProperty("mqtt").GetProperty("description").GetString(), StringComparison.Ordinal);

        await broker.RestartAsync();
        await WaitForReadyAsync(app, HttpStatusCode.OK, "ready again once the app reconnected to mosquitto");
    }

    /// <summary>Asked with the admin's token, so the last answer carries descriptions.</summary>
    private static async Task<JsonElement> WaitForReadyAsync(DigitalTwinAppFactory app, HttpStatusCode expected, string what)
    {
        var (_, body) = await Eventually.MatchAsync(() => GetAsync(app.Http, "/health/ready"), r => r.Status == expected, TimeSpan.FromSeconds(30), what);
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
