using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Devices;

/// <summary>The registry on both providers, migrated by each provider's own migrations, and read back by a fresh start.</summary>
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
                new Dictionary<string, string> { ["serial"] = "X-1" }, TimeSpan.FromMinutes(2)));
            Assert.Equal(RegistryStatus.Ok, created.Status);
            Assert.Equal(RegistryStatus.Conflict, (await registry.CreateAsync(new DeviceDraft("store-1", null, "meter", null, null, null, null))).Status);
            Assert.Equal(RegistryStatus.Ok, (await registry.UpdateAsync("store-1", new DeviceDraft(null, "Hall B", "meter", "Floor 2", ["b"],
                new Dictionary<string, string> { ["serial"] = "X-2" }, null))).Status);
            secret = (await registry.RotateSecretAsync("store-1")).Secret!;
            Assert.NotEqual(created.Secret, secret);
            Assert.Equal(RegistryStatus.Ok, (await registry.CreateAsync(new DeviceDraft("store-2", null, "meter", null, null, null, null))).Status);
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(RegistryStatus.Ok, (await registry.RevokeAsync("store-2")).Status);
        }

        // A fresh start loads the registry and the credentials from the database.
        await using var restarted = await HistoryDatabaseHost.StartAsync(provider, database.ConnectionString);
        var device = await Registry(restarted, time).GetAsync("store-1");
        Assert.NotNull(device);
        Assert.Equal(("Hall B", "meter", "Floor 2", null), (device.Name, device.Kind, device.Location, device.OfflineAfter));
        Assert.Equal(["b"], device.Tags);
        Assert.Equal("X-2", device.Metadata["serial"]);
        var credentials = restarted.Services.GetRequiredService<DeviceCredentials>();
        Assert.Null(credentials.Check("store-1", secret));
        Assert.Equal(CredentialRefusal.WrongSecret, credentials.Check("store-1", "not-it"));
        Assert.Equal(CredentialRefusal.WrongSecret, credentials.Check("store-2", secret));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 1, 0, TimeSpan.Zero), (await Registry(restarted, time).GetAsync("store-2"))!.RevokedAt);
        Assert.Equal(RegistryStatus.Ok, await Registry(restarted, time).DeleteAsync("store-1"));
        Assert.Null(await Registry(restarted, time).GetAsync("store-1"));
        Assert.Equal(CredentialRefusal.UnknownDevice, credentials.Check("store-1", secret));
    }

    private static DeviceRegistry Registry(HistoryDatabaseHost host, TimeProvider time) => new(
        host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DigitalTwinDbContext>>(),
        host.Services.GetRequiredService<DeviceCatalog>(),
        host.Services.GetRequiredService<DeviceCredentials>(),
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
