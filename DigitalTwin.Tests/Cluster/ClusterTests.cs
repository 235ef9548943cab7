using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using Npgsql;

namespace DigitalTwin.Tests.Cluster;

/// <summary>Two app instances as one cluster (Orleans on Redis, mosquitto's shared subscription, PostgreSQL), with real processes.</summary>
[Collection(AppCollection.Name)]
public sealed class ClusterTests
{
    private const int Devices = 1_000;
    private const int Connections = 20;

    [SkippableFact]
    public async Task TwoInstances_SigkillOneMidStream_EveryAcknowledgedReadingStoredOnceAndEveryTwinReachable()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var cluster = await ClusterInstances.StartAsync();
        await using var a = await cluster.StartInstanceAsync("a");
        var b = await cluster.StartInstanceAsync("b");
        await WaitSubscribedAsync(a);
        await WaitSubscribedAsync(b);

        using (var rule = await a.Http.PostAsJsonAsync("api/alert-rules", new
        {
            name = "Any warm", kind = "Threshold", targetKind = "Kind", target = "unknown", metric = "temperature", @operator = "GreaterThan", threshold = 1,
        }))
        {
            Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        }
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
        using var stop = new CancellationTokenSource();
        var publishers = await Task.WhenAll(Enumerable.Range(0, Connections).Select(k => MqttTestClient.ConnectAsync(cluster.Broker.Port, $"publisher-{k}")));
        var publishing = publishers.Select((client, k) => Task.Run(() => PublishAsync(client, k, start, acknowledged, stop.Token))).ToArray();

        // Devices register themselves by their first reading on whichever instance gets it; both instances learn of every one.
        await Eventually.TrueAsync(async () => await UnreachableTwinsAsync(a) is (0, _) && await UnreachableTwinsAsync(b) is (0, _), TimeSpan.FromSeconds(60),
            "every device known to both instances");
        await b.KillAsync();
        var atKill = Count(acknowledged);
        await Eventually.TrueAsync(() => Task.FromResult(Count(acknowledged) >= atKill + (2 * Devices)), TimeSpan.FromSeconds(60), "2,000 more readings after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(publishing);

        // The survivor answers for every twin, the killed instance's among them, within seconds.
        var unreachable = await Eventually.MatchAsync(() => UnreachableTwinsAsync(a), u => u.Count == 0, TimeSpan.FromSeconds(30));
        Assert.True(unreachable.Count == 0, $"{unreachable.Count} twins unreachable from the survivor, e.g. {unreachable.Example}");

        // The survivor stands in for the killed instance's broker session: what mosquitto kept for it is processed too.
        var expected = acknowledged.ToDictionary(d => d.Key, d => d.Value.ToHashSet());
        var total = expected.Values.Sum(t => t.Count);
        await Eventually.MatchAsync(() => StoredAsync(cluster.Database), s => s.Values.Sum(t => t.Count) >= total, TimeSpan.FromSeconds(60),
            $"{total:N0} acknowledged readings in history from the survivor alone");

        var metrics = await a.Http.GetStringAsync("metrics");
        Assert.True(Counter(metrics, "digitaltwin_cluster_stand_ins") >= 1, "/metrics does not count the stand-in.");
        Assert.True(Counter(metrics, "digitaltwin_cluster_twin_changes_forwarded") > 0, "/metrics does not count forwarded twin changes.");

        // Restarted (as a service manager would), the killed instance takes its session back: nothing is stored twice.
        await using var restarted = await cluster.StartInstanceAsync("b");
        await WaitSubscribedAsync(restarted);
        var stored = await StoredAsync(cluster.Database);
        var missing = expected.Sum(d => d.Value.Except(stored.GetValueOrDefault(d.Key) ?? []).Count());
        var extra = stored.Sum(d => d.Value.Except(expected.GetValueOrDefault(d.Key) ?? []).Count());
        Assert.True(missing == 0 && extra == 0, $"History: {missing} acknowledged readings missing, {extra} rows that were never published, of {total:N0}.");
        Assert.Equal(Devices, stored.Count);

        // One alert engine for the cluster, and it moved with the kill without opening any device's alert again.
        var alerts = await AlertsPerDeviceAsync(cluster.Database);
        Assert.True(alerts.Count > Devices / 2, $"Only {alerts.Count} devices have an alert; every device went above the threshold.");
        Assert.True(alerts.Values.All(count => count == 1), $"Alerts opened twice: {string.Join(", ", alerts.Where(d => d.Value > 1).Take(5).Select(d => $"{d.Key} × {d.Value}"))}");
        Assert.Equal(0, await DoubledActivationsAsync(cluster.Database));

        // Each twin, asked on either instance, ends on its device's newest reading.
        foreach (var deviceId in new[] { "cl-0000", "cl-0500", "cl-0999" })
        {
            var newest = expected[deviceId].Max();
            foreach (var app in new[] { a, restarted })
            {
                var twinTime = await Eventually.MatchAsync(() => TwinTimestampAsync(app, deviceId), t => t == newest, TimeSpan.FromSeconds(20), $"{deviceId}'s twin to show ts {newest}");
                Assert.Equal(newest, twinTime);
            }
        }
    }

    private static int Count(ConcurrentDictionary<string, ConcurrentBag<long>> acknowledged) => acknowledged.Values.Sum(t => t.Count);

    /// <summary>A counter's value in Prometheus' text format (its <c>_total</c> line without labels); 0 when absent.</summary>
    private static double Counter(string prometheusText, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(prometheusText, $$"""^{{name}}_total(?:\{[^}]*\})? ([0-9.eE+]+)""", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Each connection publishes for its share of the devices, QoS 1, each publish awaited until mosquitto acknowledged
    /// it. The temperature is the round, so a device's alert opens once (from round 2) and never clears.
    /// </summary>
    private static async Task PublishAsync(MqttTestClient client, int connection, long start, ConcurrentDictionary<string, ConcurrentBag<long>> acknowledged, CancellationToken stop)
    {
        await using var _ = client;
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            for (var d = connection; d < Devices && !stop.IsCancellationRequested; d += Connections)
            {
                var deviceId = $"cl-{d:0000}";
                var ts = start + (round * 1000L);
                await client.PublishAsync($"devices/{deviceId}/telemetry", string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{ts}},"temperature":{{round}}}"""));
                acknowledged.GetOrAdd(deviceId, _ => []).Add(ts);
            }
        }
    }

    private static async Task WaitSubscribedAsync(AppProcess app) =>
        await Eventually.TrueAsync(async () => (await app.Http.GetAsync("health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the instance to be ready");

    private static async Task<(int Count, string? Example)> UnreachableTwinsAsync(AppProcess app)
    {
        var failures = 0;
        string? example = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, Devices), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (d, _) =>
        {
            try
            {
                using var response = await app.Http.GetAsync($"api/devices/cl-{d:0000}");
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    example = $"cl-{d:0000}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
                example = $"cl-{d:0000}: {ex.Message}";
            }
        });
        return (failures, example);
    }

    private static async Task<long?> TwinTimestampAsync(AppProcess app, string deviceId)
    {
        using var document = JsonDocument.Parse(await app.Http.GetStringAsync($"api/devices/{deviceId}"));
        return document.RootElement.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("temperature", out var temperature)
            ? DateTimeOffset.Parse(temperature.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()
            : null;
    }

    /// <summary>Alerts whose activation was recorded more than once (two engines judging the same alert).</summary>
    private static async Task<long> DoubledActivationsAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT count(*) FROM (SELECT "AlertId" FROM "AlertHistory" WHERE "Transition" = 'BecameActive' GROUP BY "AlertId" HAVING count(*) > 1) d""", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, long>> AlertsPerDeviceAsync(PostgresTestDatabase database)
    {
        var alerts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "DeviceId", count(*) FROM "Alerts" GROUP BY "DeviceId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            alerts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return alerts;
    }

    private static async Task<Dictionary<string, HashSet<long>>> StoredAsync(PostgresTestDatabase database)
    {
        var stored = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT r."DeviceId", s."Timestamp" FROM "Samples" s JOIN "Series" r ON r."Id" = s."SeriesId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var deviceId = reader.GetString(0);
            if (!stored.TryGetValue(deviceId, out var timestamps))
            {
                stored[deviceId] = timestamps = [];
            }
            timestamps.Add(reader.GetInt64(1));
        }
        return stored;
    }
}
