using System.Globalization;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Tests.Telemetry;

/// <summary>Nothing acknowledged is lost: QoS 1 at a steady rate, SIGKILL mid-stream, restart, every acked reading is there.</summary>
[Collection(AppCollection.Name)]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int Publishers = 32;
    private readonly string _directory = Directory.CreateTempSubdirectory("twin-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "twin.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sigkill_MidStream_EveryAcknowledgedQos1ReadingIsInHistoryAfterRestart()
    {
        var mqttPort = FreePort.Tcp();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<long>();
        await using (var app = await AppProcess.StartAsync(DatabasePath, mqttPort))
        {
            // Several devices' worth of publishers keep readings in flight, so a kill always lands mid-stream.
            var secret = await app.CreateDeviceAsync("crash-1");
            var publishers = await Task.WhenAll(Enumerable.Range(0, Publishers)
                .Select(k => MqttTestClient.ConnectAsync(mqttPort, $"crash-1@{k}", "crash-1", secret)));
            var publishing = publishers.Select((device, k) => Task.Run(() => PublishUntilRefusedAsync(device, k, start, acknowledged))).ToArray();
            await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 2000), what: "2,000 acknowledged readings");

            await app.KillAsync();
            await Task.WhenAll(publishing).WaitAsync(TimeSpan.FromSeconds(30));
            foreach (var device in publishers)
            {
                await device.DisposeAsync();
            }
        }

        await using var restarted = await AppProcess.StartAsync(DatabasePath, mqttPort);
        var stored = await StoredTimestampsAsync("crash-1");
        var lost = acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged readings were lost, e.g. ts {lost.FirstOrDefault()}");
        Assert.True((await restarted.Http.GetAsync("api/devices/crash-1")).IsSuccessStatusCode, "The restarted app does not know the device.");
    }

    /// <summary>QoS 1 publishes, each awaited until acknowledged; stops when the app is gone.</summary>
    private static async Task PublishUntilRefusedAsync(MqttTestClient device, int publisher, long start, System.Collections.Concurrent.ConcurrentBag<long> acknowledged)
    {
        for (var i = 0; ; i++)
        {
            var ts = start + (i * Publishers) + publisher;
            try
            {
                await device.PublishAsync("devices/crash-1/telemetry",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"ts":{{ts}},"temperature":{{i}}}"""));
            }
            catch (Exception)
            {
                return;
            }
            acknowledged.Add(ts);
        }
    }

    private async Task<HashSet<long>> StoredTimestampsAsync(string deviceId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.Timestamp FROM Samples s JOIN Series r ON r.Id = s.SeriesId WHERE r.DeviceId = $d";
        command.Parameters.AddWithValue("$d", deviceId);
        var timestamps = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            timestamps.Add(reader.GetInt64(0));
        }
        return timestamps;
    }
}
