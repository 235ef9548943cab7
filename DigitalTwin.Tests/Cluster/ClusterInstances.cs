using System.Diagnostics;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Cluster;

/// <summary>
/// What a cluster needs, all real: redis-server (membership), mosquitto (the devices' broker, shared subscription),
/// a PostgreSQL database (history), and app instances as OS processes that a test can SIGKILL and start again.
/// </summary>
public sealed class ClusterInstances : IAsyncDisposable
{
    private readonly string _clusterId = "dt-" + Guid.NewGuid().ToString("N")[..8];

    private ClusterInstances(RedisServer redis, MosquittoBroker broker, PostgresTestDatabase database) =>
        (Redis, Broker, Database) = (redis, broker, database);

    public RedisServer Redis { get; }

    public MosquittoBroker Broker { get; }

    public PostgresTestDatabase Database { get; }

    public static async Task<ClusterInstances> StartAsync() =>
        new(await RedisServer.StartAsync(), await MosquittoBroker.StartAsync(), await PostgresTestServer.CreateDatabaseAsync());

    /// <summary>Starts one instance; the same <paramref name="name"/> again resumes that instance's broker session.</summary>
    /// <param name="withPages">
    /// Development environment: a build (not a publish) serves Blazor's script and the static assets from the build
    /// output's manifest only there.
    /// </param>
    public Task<AppProcess> StartInstanceAsync(string name, bool withPages = false) =>
        AppProcess.StartAsync(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "DigitalTwin.Web.dll")]) { WorkingDirectory = AppContext.BaseDirectory },
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = withPages ? "Development" : "Production",
                ["Cluster__Enabled"] = "true",
                ["Cluster__Redis"] = Redis.Configuration,
                ["Cluster__ClusterId"] = _clusterId,
                ["Cluster__DeviceResyncInterval"] = "00:00:05",
                ["Database__Provider"] = "Postgres",
                // Two instances share PostgreSQL's 100 connections (Npgsql would pool up to 100 each).
                ["ConnectionStrings__DigitalTwin"] = Database.ConnectionString + ";Maximum Pool Size=40",
                ["Mqtt__Mode"] = "External",
                ["Mqtt__Host"] = "127.0.0.1",
                ["Mqtt__ClientId"] = $"{_clusterId}-{name}",
                ["Mqtt__SharedGroup"] = _clusterId,
                ["Devices__AllowAutoRegistration"] = "true",
                ["Simulator__Count"] = "0",
                ["Power__SeedSampleData"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                // The test asks for every twin at once.
                ["RateLimits__ApiTokenBurst"] = "100000",
                ["RateLimits__ApiTokenPerSecond"] = "100000",
            },
            Broker.Port);

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }
}
