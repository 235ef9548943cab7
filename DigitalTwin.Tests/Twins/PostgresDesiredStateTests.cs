using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Twins;

/// <summary>The TwinProperties table on PostgreSQL: its own migration, the version check, restore after a restart.</summary>
[Collection(AppCollection.Name)]
public sealed class PostgresDesiredStateTests
{
    [SkippableFact]
    public async Task Postgres_DesiredAndReportedKeptWithVersions()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var database = await PostgresTestServer.CreateDatabaseAsync();
        string etag;
        await using (var app = await StartAsync(database))
        {
            var secret = await app.CreateDeviceAsync("pgd-1");
            await app.Http.PatchDesiredOkAsync("pgd-1", """{"setpoint":20,"mode":"eco"}""");
            using var stale = await app.Http.PatchDesiredAsync("pgd-1", """{"setpoint":25}""", "\"0\"");
            await ApiJson.AssertProblemAsync(stale, 412);
            await using var device = await app.ConnectMqttAsync("pgd-1", secret);
            await device.PublishAsync("devices/pgd-1/reported", """{"setpoint":20}""");
            etag = (await app.Http.GetDocumentsAsync("pgd-1")).ETag!;
        }

        await using var restarted = await StartAsync(database);
        var (twin, now) = await restarted.Http.GetDocumentsAsync("pgd-1");
        Assert.Equal((etag, "\"1\"", 1L), (now, now, twin.Versions.Reported));
        Assert.Equal("""{"mode":"eco"}""", DesiredStateHarness.Compact(twin.Delta));
    }

    private static async Task<DigitalTwinAppFactory> StartAsync(PostgresTestDatabase database)
    {
        var app = new DigitalTwinAppFactory();
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:DigitalTwin"] = database.ConnectionString;
        return await app.StartAsync();
    }
}
