using System.Net.Http.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Alerts;

/// <summary>The alert tables on PostgreSQL: their own migration, the time-range filter on bigint times, restore after a restart.</summary>
[Collection(AppCollection.Name)]
public sealed class PostgresAlertTests
{
    [SkippableFact]
    public async Task Postgres_AlertStoredQueriedByTimeAndRestored()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var database = await PostgresTestServer.CreateDatabaseAsync();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        long id;
        await using (var app = await StartAsync(database))
        {
            using var rule = await app.Http.PostAsJsonAsync("/api/alert-rules", new
            {
                name = "Pg hot", kind = "Threshold", targetKind = "Device", target = "pg-1", metric = "temperature", @operator = "GreaterThan", threshold = 30,
            });
            rule.EnsureSuccessStatusCode();
            (await app.PostTelemetryAsync("pg-1", JsonContent.Create(new { temperature = 33.5 }))).EnsureSuccessStatusCode();
            var found = await Eventually.MatchAsync(
                () => app.Http.GetFromJsonAsync<List<Alert>>($"/api/alerts?device=pg-1&from={Uri.EscapeDataString(since.ToString("O"))}", ApiJson.Options),
                a => a!.Count == 1, what: "the alert in the time range");
            id = found!.Single().Id;
            await Eventually.MatchAsync(() => app.Http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{id}", ApiJson.Options), d => d!.History.Count == 1, what: "its history row");
            var before = await app.Http.GetFromJsonAsync<List<Alert>>($"/api/alerts?device=pg-1&to={Uri.EscapeDataString(since.ToString("O"))}", ApiJson.Options);
            Assert.Empty(before!);
        }

        await using var restarted = await StartAsync(database);
        var restored = await restarted.Http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{id}", ApiJson.Options);
        Assert.Equal((AlertState.Active, 33.5), (restored!.Alert.State, restored.Alert.LastValue));
        Assert.Equal(1, (await restarted.Http.GetFromJsonAsync<Web.Alerts.AlertSummary>("/api/alerts/summary", ApiJson.Options))!.Unacknowledged);
    }

    private static async Task<DigitalTwinAppFactory> StartAsync(PostgresTestDatabase database)
    {
        var app = new DigitalTwinAppFactory();
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:DigitalTwin"] = database.ConnectionString;
        return await app.StartAsync();
    }
}
