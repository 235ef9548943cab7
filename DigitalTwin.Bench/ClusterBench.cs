using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>cluster</c>: the same QoS 1 load through mosquitto into one instance, then into two instances of one cluster
/// (Orleans on Redis, shared subscription, PostgreSQL), each run on a fresh database, all real processes on this
/// machine. Prints the rate at which readings reach history for each, and two against one. On two cores this measures
/// the cost of coordination, not a speed-up: both instances and the broker share the same cores.
/// Needs PostgreSQL (DIGITALTWIN_TEST_POSTGRES, from scripts/start-postgres.sh), mosquitto and redis-server.
/// </summary>
internal static class ClusterBench
{
    private sealed record Brokers(int MqttPort, int RedisPort);

    public static async Task<int> RunAsync(string[] args)
    {
        var devices = Option(args, "--devices", 1_000);
        var messages = Option(args, "--messages", 60_000);
        var publishers = Option(args, "--publishers", 20);
        var server = Environment.GetEnvironmentVariable("DIGITALTWIN_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("Set DIGITALTWIN_TEST_POSTGRES: export DIGITALTWIN_TEST_POSTGRES=\"$(scripts/start-postgres.sh)\"");
            return 2;
        }
        Console.WriteLine($"{devices:N0} devices, {messages:N0} QoS 1 messages (3 metrics each) from {publishers} connections through mosquitto.");
        await using var services = new LocalServices();
        var brokers = new Brokers(
            await services.StartMosquittoAsync("persistence true", "max_queued_messages 1000000", "max_inflight_messages 100"),
            await services.StartRedisAsync());
        var rates = new List<double>();
        foreach (var instances in new[] { 1, 2 })
        {
            var rate = await RunOnceAsync(brokers, server, instances, devices, messages, publishers);
            rates.Add(rate);
            Console.WriteLine($"  {instances} instance{(instances > 1 ? "s" : "")}: {rate:N0} msg/s into history" + (instances > 1 ? $" — {rate / rates[0]:0.00}× one instance" : ""));
        }
        Console.WriteLine("On 2 cores the point is correctness and the cost of coordination (the broker, both instances and PostgreSQL share the cores), not speed-up.");
        return 0;
    }

    private static async Task<double> RunOnceAsync(Brokers services, string server, int instances, int devices, int messages, int publishers)
    {
        var database = "dt_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 40 }.ConnectionString;
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var apps = new List<(Process Process, int HttpPort)>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                apps.Add(StartInstance(services, connectionString, clusterId, i));
            }
            foreach (var (app, i) in apps.Select((a, i) => (a, i)))
            {
                await LocalServices.WaitAsync(() => AppProcess.IsReadyAsync($"http://127.0.0.1:{app.HttpPort}"), TimeSpan.FromSeconds(90), $"instance {i + 1} to be ready");
            }
            var clients = await MqttConnections.ConnectManyAsync(services.MqttPort, $"{clusterId}-publisher", publishers);
            try
            {
                // Warm-up, not measured: every device registers itself by its first reading.
                await PublishAsync(clients, devices, devices, round0: 0);
                await LocalServices.WaitAsync(async () => await CountAsync(connectionString, "Samples") >= devices * 3L, TimeSpan.FromSeconds(120), "the warm-up readings");
                var start = Stopwatch.GetTimestamp();
                await PublishAsync(clients, devices, messages, round0: 1);
                var expected = (devices + (long)messages) * 3;
                await LocalServices.WaitAsync(async () => await CountAsync(connectionString, "Samples") >= expected, TimeSpan.FromMinutes(10), $"{expected:N0} samples");
                return messages / Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
            finally
            {
                await MqttConnections.DisconnectAllAsync(clients);
            }
        }
        finally
        {
            foreach (var (app, _) in apps)
            {
                app.Kill();
                await app.WaitForExitAsync();
                app.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Each connection publishes for its share of the devices in rounds; every publish awaits mosquitto's PUBACK.</summary>
    private static Task PublishAsync(IMqttClient[] clients, int devices, int messages, int round0) =>
        Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
            for (var n = c; n < messages; n += clients.Length)
            {
                var device = n % devices;
                var round = round0 + (n / devices);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic($"devices/bench-{device:00000}/telemetry")
                    .WithPayload(BenchDevices.Payload(start + (round * 1000L), n))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                await client.PublishAsync(message);
            }
        })));

    private static (Process, int HttpPort) StartInstance(Brokers services, string connectionString, string clusterId, int i)
    {
        var httpPort = LocalServices.FreePort();
        var process = AppProcess.Launch(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Auth__AdminPassword"] = "Bench-admin-2026",
            ["Cluster__Enabled"] = "true",
            ["Cluster__Redis"] = $"127.0.0.1:{services.RedisPort}",
            ["Cluster__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = LocalServices.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__DigitalTwin"] = connectionString,
            ["Mqtt__Mode"] = "External",
            ["Mqtt__Host"] = "127.0.0.1",
            ["Mqtt__Port"] = services.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt__ClientId"] = $"{clusterId}-{i}",
            ["Mqtt__SharedGroup"] = clusterId,
            ["Devices__AllowAutoRegistration"] = "true",
            ["Simulator__Count"] = "0",
            ["Power__SeedSampleData"] = "false",
        }, Path.Combine(Path.GetTempPath(), $"{clusterId}-{i}.log"));
        return (process, httpPort);
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
