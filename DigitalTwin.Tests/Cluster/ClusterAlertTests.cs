using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;
using Npgsql;

namespace DigitalTwin.Tests.Cluster;

/// <summary>One alert engine for the cluster: readings spread over two instances open, notify and clear an alert once.</summary>
[Collection(AppCollection.Name)]
public sealed class ClusterAlertTests
{
    [SkippableFact]
    public async Task ReadingsSpreadOverTwoInstances_OneAlertOpensOnceAcknowledgedOnEitherClearsOnce()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var cluster = await ClusterInstances.StartAsync();
        // Started together on an empty database: they migrate it one after the other.
        var started = await Task.WhenAll(cluster.StartInstanceAsync("a"), cluster.StartInstanceAsync("b"));
        await using var a = started[0];
        await using var b = started[1];
        await a.CreateDeviceAsync("al-1");
        using (var rule = await a.Http.PostAsJsonAsync("api/alert-rules", new
        {
            name = "Cluster hot", kind = "Threshold", targetKind = "Device", target = "al-1", metric = "temperature", @operator = "GreaterThan", threshold = 30,
        }))
        {
            Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        }
        await Eventually.TrueAsync(async () => (await b.Http.GetAsync("api/devices/al-1")).IsSuccessStatusCode, what: "B to know the device");

        // Shared subscription: mosquitto hands these to both instances in turn.
        await using var device = await MqttTestClient.ConnectAsync(cluster.Broker.Port, "al-1-publisher");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        for (var i = 0; i < 20; i++)
        {
            await device.PublishAsync("devices/al-1/telemetry", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{start + (i * 1000)}},"temperature":{{35 + (i % 5)}}}"""));
        }
        await Eventually.TrueAsync(async () => (await StoredAsync(cluster.Database, """SELECT count(*) FROM "Samples" """)) == 20, what: "the 20 readings stored");

        var alert = await Eventually.MatchAsync(() => OpenAlertsAsync(a), alerts => alerts.Count > 0, what: "an alert on A");
        Assert.Single(alert);
        foreach (var app in new[] { a, b })
        {
            await Eventually.MatchAsync(() => SummaryAsync(app), s => s == (1, 1), what: "one open, unacknowledged alert on each instance's bell");
        }

        // Acknowledged on B, whichever instance holds the engine.
        using (var ack = await b.Http.PostAsJsonAsync($"api/alerts/{alert[0]}/ack", new { comment = "on it" }))
        {
            Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync());
        }
        foreach (var app in new[] { a, b })
        {
            await Eventually.MatchAsync(() => SummaryAsync(app), s => s == (1, 0), what: "the acknowledgement on each instance's bell");
        }

        for (var i = 20; i < 30; i++)
        {
            await device.PublishAsync("devices/al-1/telemetry", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{start + (i * 1000)}},"temperature":20}"""));
        }
        foreach (var app in new[] { a, b })
        {
            await Eventually.MatchAsync(() => SummaryAsync(app), s => s == (0, 0), what: "the alert cleared on each instance");
        }
        Assert.Equal(1, await StoredAsync(cluster.Database, """SELECT count(*) FROM "Alerts" """));
        Assert.Equal(1, await StoredAsync(cluster.Database, $"""SELECT count(*) FROM "AlertHistory" WHERE "Transition" = '{AlertTransition.BecameActive}'"""));
        Assert.Equal(1, await StoredAsync(cluster.Database, $"""SELECT count(*) FROM "AlertHistory" WHERE "Transition" = '{AlertTransition.Cleared}'"""));
    }

    private static async Task<List<long>> OpenAlertsAsync(AppProcess app)
    {
        using var document = JsonDocument.Parse(await app.Http.GetStringAsync("api/alerts?device=al-1"));
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];
    }

    private static async Task<(int Open, int Unacknowledged)> SummaryAsync(AppProcess app)
    {
        using var document = JsonDocument.Parse(await app.Http.GetStringAsync("api/alerts/summary"));
        return (document.RootElement.GetProperty("open").GetInt32(), document.RootElement.GetProperty("unacknowledged").GetInt32());
    }

    private static async Task<long> StoredAsync(PostgresTestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
