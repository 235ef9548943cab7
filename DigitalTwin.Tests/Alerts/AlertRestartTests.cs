using System.Net.Http.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Alerts;

/// <summary>Open alerts, pending timers included, survive a restart of the app on the same database.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertRestartTests
{
    [Fact]
    public async Task Restart_PendingAndActiveUnacknowledgedAlerts_RestoredWithTheirTimes()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            List<Alert> before;
            string secret;
            await using (var first = await new DigitalTwinAppFactory(directory).StartAsync())
            {
                await CreateRuleAsync(first, new { name = "Hot for an hour", metric = "temperature", threshold = 30, pendingFor = "01:00:00" });
                await CreateRuleAsync(first, new { name = "Humid", metric = "humidity", threshold = 80 });
                secret = await first.CreateDeviceAsync("rs-1");
                await using var mqtt = await first.ConnectMqttAsync("rs-1", secret);
                await mqtt.PublishAsync("devices/rs-1/telemetry", """{"temperature":35,"humidity":90}""");
                before = await Eventually.MatchAsync(() => OpenAlertsAsync(first), a => a.Count == 2, what: "a pending and an active alert");
                await Eventually.TrueAsync(async () => await StoredOpenAsync(first) == 2, what: "both alerts written to SQLite");
            }

            await using var second = await new DigitalTwinAppFactory(directory).StartAsync();
            var after = await OpenAlertsAsync(second);

            Assert.Equal(before.Select(a => (a.Id, a.State, a.PendingSince, a.ActivatedAt)).Order(), after.Select(a => (a.Id, a.State, a.PendingSince, a.ActivatedAt)).Order());
            Assert.Contains(after, a => a.State == AlertState.Pending && a.Metric == "temperature");
            var summary = await second.Http.GetFromJsonAsync<Web.Alerts.AlertSummary>("/api/alerts/summary", ApiJson.Options);
            Assert.Equal(new Web.Alerts.AlertSummary(2, 1), summary);

            // The restored alerts go on: the active one can be acknowledged, and a new reading does not open a second one.
            var active = after.Single(a => a.State == AlertState.Active);
            using var ack = await second.Http.PostAsJsonAsync($"/api/alerts/{active.Id}/ack", new { by = "night shift" });
            ack.EnsureSuccessStatusCode();
            await using var again = await second.ConnectMqttAsync("rs-1", secret);
            await again.PublishAsync("devices/rs-1/telemetry", """{"temperature":36,"humidity":91}""");
            var latest = await Eventually.MatchAsync(() => OpenAlertsAsync(second), a => a.Any(x => x.LastValue == 91), what: "the new reading on the restored alert");
            Assert.Equal(2, latest.Count);
            Assert.Equal(0, (await second.Http.GetFromJsonAsync<Web.Alerts.AlertSummary>("/api/alerts/summary", ApiJson.Options))!.Unacknowledged);
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }

    private static async Task CreateRuleAsync(DigitalTwinAppFactory app, object rule)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(rule)!.AsObject();
        json["kind"] = "Threshold";
        json["targetKind"] = "Device";
        json["target"] = "rs-1";
        json["operator"] = "GreaterThan";
        using var response = await app.Http.PostAsJsonAsync("/api/alert-rules", json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<Alert>> OpenAlertsAsync(DigitalTwinAppFactory app) =>
        (await app.Http.GetFromJsonAsync<List<Alert>>("/api/alerts?state=Open&device=rs-1", ApiJson.Options))!;

    private static async Task<long> StoredOpenAsync(DigitalTwinAppFactory app)
    {
        await using var connection = await app.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Alerts WHERE DeviceId = 'rs-1' AND State <> 'Cleared'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
