using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Devices;

/// <summary>
/// The registry on both providers, migrated by each provider's own migrations, and read back by a fresh start; and
/// the newest samples the device list and the status seed read from history.
/// </summary>
public sealed class DeviceRegistryStoreTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Registry_CreateEditRotateRevoke_RoundTripsThroughTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        string secret;
        await using (var host = await HistoryDatabaseHost.StartAsync(provider, database.ConnectionString))
        {
            var registry = Registry(host, time);
            var created = await registry.CreateAsync(new DeviceDraft("store-1", "Hall", "meter", "Floor 2", ["a", "b"],
                new Dictionary<string, string> { ["serial"] = "X-1" }, TimeSpan.FromMinutes(2)), Actor.System);
            Assert.Equal(RegistryStatus.Ok, created.Status);
            Assert.Equal(RegistryStatus.Conflict, (await registry.CreateAsync(new DeviceDraft("store-1", null, "meter", null, null, null, null), Actor.System)).Status);
            Assert.Equal(RegistryStatus.Ok, (await registry.UpdateAsync("store-1", new DeviceDraft(null, "Hall B", "meter", "Floor 2", ["b"],
                new Dictionary<string, string> { ["serial"] = "X-2" }, null), Actor.System)).Status);
            secret = (await registry.RotateSecretAsync("store-1", Actor.System)).Secret!;
            Assert.NotEqual(created.Secret, secret);
            Assert.Equal(RegistryStatus.Ok, (await registry.CreateAsync(new DeviceDraft("store-2", null, "meter", null, null, null, null), Actor.System)).Status);
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(RegistryStatus.Ok, (await registry.RevokeAsync("store-2", Actor.System)).Status);
        }

        // A fresh start loads the registry and the credentials from the database.
        await using var restarted = await HistoryDatabaseHost.StartAsync(provider, database.ConnectionString);
        var device = await Registry(restarted, time).GetAsync("store-1");
        Assert.NotNull(device);
        Assert.Equal(("Hall B", "meter", "Floor 2", null), (device.Name, device.Kind, device.Location, device.OfflineAfter));
        Assert.Equal(["b"], device.Tags);
        Assert.Equal("X-2", device.Metadata["serial"]);
        await restarted.Services.LoadDevicesAsync();
        var credentials = restarted.Services.GetRequiredService<DeviceCredentials>();
        Assert.Null(credentials.Check("store-1", secret));
        Assert.Equal(CredentialRefusal.WrongSecret, credentials.Check("store-1", "not-it"));
        Assert.Equal(CredentialRefusal.WrongSecret, credentials.Check("store-2", secret));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 1, 0, TimeSpan.Zero), (await Registry(restarted, time).GetAsync("store-2"))!.RevokedAt);
        Assert.Equal(RegistryStatus.Ok, await Registry(restarted, time).DeleteAsync("store-1", Actor.System));
        Assert.Null(await Registry(restarted, time).GetAsync("store-1"));
        Assert.Equal(CredentialRefusal.UnknownDevice, credentials.Check("store-1", secret));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NewestSamples_OutOfOrderHistory_LastSeenPerDeviceAndNewestValuePerMetric(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await HistoryDatabaseHost.StartAsync(provider, database.ConnectionString);
        var t0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        foreach (var id in (string[])["seen-a", "seen-b", "quiet"])
        {
            await Registry(host, TimeProvider.System).CreateAsync(new DeviceDraft(id, null, "meter", null, null, null, null), Actor.System);
        }
        await using (var statements = await host.Database.OpenStatementsAsync(CancellationToken.None))
        {
            statements.Commit([[
                Reading("seen-a", t0.AddSeconds(30), ("temperature", 7), ("humidity", 41)),
                Reading("seen-a", t0.AddSeconds(10), ("temperature", 3)),
                Reading("seen-a", t0.AddSeconds(40), ("humidity", 44)),
                Reading("seen-b", t0, ("power", 1.5))]]);
        }
        var factory = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DigitalTwinDbContext>>();

        var lastSeen = await DeviceStatusSeed.LastSeenAsync(factory);
        var latest = await new DeviceList(factory, new DeviceStatusBoard()).LatestMetricsAsync(["seen-a", "quiet"]);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["seen-a"] = t0.AddSeconds(40), ["seen-b"] = t0 }, lastSeen);
        Assert.Equal(["quiet", "seen-a"], latest.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new TwinMetric(7, t0.AddSeconds(30)), latest["seen-a"]["temperature"]);
        Assert.Equal(new TwinMetric(44, t0.AddSeconds(40)), latest["seen-a"]["humidity"]);
        Assert.Equal(2, latest["seen-a"].Count);
        Assert.Empty(latest["quiet"]);
    }

    private static TelemetryReading Reading(string device, DateTimeOffset at, params (string Name, double Value)[] metrics) =>
        new(device, at, at, [.. metrics.Select(m => new MetricValue(m.Name, m.Value))]);

    private static DeviceRegistry Registry(HistoryDatabaseHost host, TimeProvider time) => new(
        host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DigitalTwinDbContext>>(),
        host.Services.GetRequiredService<DeviceDirectory>(),
        time);

    /// <summary>A SQLite file in a temp folder, or a PostgreSQL database of its own; skips when PostgreSQL is not configured.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly string? _directory;
        private readonly PostgresTestDatabase? _postgres;

        private TestDatabase(string connectionString, string? directory, PostgresTestDatabase? postgres) =>
            (ConnectionString, _directory, _postgres) = (connectionString, directory, postgres);

        public string ConnectionString { get; }

        public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var directory = DigitalTwinAppFactory.CreateTempDirectory();
                return new TestDatabase($"Data Source={Path.Combine(directory, "registry.db")}", directory, null);
            }
            var unavailable = PostgresTestServer.Unavailable();
            Skip.If(unavailable is not null, unavailable);
            var database = await PostgresTestServer.CreateDatabaseAsync();
            return new TestDatabase(database.ConnectionString, null, database);
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
            if (_directory is not null)
            {
                DigitalTwinAppFactory.DeleteDirectory(_directory);
            }
        }
    }
}
