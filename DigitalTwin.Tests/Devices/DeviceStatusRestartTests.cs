using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Devices;

/// <summary>Device status after a real app restart on the same SQLite file: seeded from history before anything is served.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviceStatusRestartTests
{
    [Fact]
    public async Task Restart_DevicesWithHistory_OfflineNotSeenSinceStartOthersNeverSeen()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            var (seen, secret) = await RunBeforeRestartAsync(directory);

            await using var app = new DigitalTwinAppFactory(directory);
            await app.StartAsync();

            // Before any twin is activated: the board already knows, from history.
            var board = app.Services.GetRequiredService<DeviceStatusBoard>();
            Assert.Equal((DeviceStatus.Offline, StatusReason.NotSeenSinceStart, seen), (board.Get("rs-old").Status, board.Get("rs-old").Reason, board.Get("rs-old").LastSeen));
            // Heard from a moment before the restart, yet not connected to this app: offline too, not "online — data received".
            Assert.Equal((DeviceStatus.Offline, StatusReason.NotSeenSinceStart), (board.Get("rs-recent").Status, board.Get("rs-recent").Reason));
            Assert.Equal(DeviceStatusEntry.NeverSeen, board.Get("rs-never"));

            var offline = await app.Http.ListDevicesAsync("search=rs-&status=offline&sort=lastSeen");
            Assert.Equal(["rs-old", "rs-recent"], offline.Items.Select(i => i.Id));
            Assert.Equal("offline — not seen since the app started", offline.Items[0].StatusText);
            Assert.Equal(21.5, offline.Items[0].Metrics["temperature"].Value);
            Assert.Equal(["rs-never"], (await app.Http.ListDevicesAsync("search=rs-&status=never-seen")).Items.Select(i => i.Id));

            // The twin, activated now, says the same as the list.
            var twin = await app.Http.GetTwinAsync("rs-old");
            Assert.Equal((DeviceStatus.Offline, StatusReason.NotSeenSinceStart, seen), (twin!.Status, twin.StatusReason, twin.LastSeen));
            Assert.Equal(21.5, twin.Metrics["temperature"].Value);

            await using var device = await app.ConnectMqttAsync("rs-old", secret);
            var back = await Eventually.MatchAsync(() => app.Http.GetTwinAsync("rs-old"), t => t?.Status == DeviceStatus.Online, what: "rs-old online again");
            Assert.Equal(StatusReason.Connected, back!.StatusReason);
            Assert.Equal(DeviceStatus.Online, board.Get("rs-old").Status);
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }

    /// <summary>
    /// An app on <paramref name="directory"/> that registers rs-old (last reading 3 h ago), rs-recent (a reading
    /// now) and rs-never (no reading), then stops. Returns rs-old's last reading time and its secret.
    /// </summary>
    internal static async Task<(DateTimeOffset Seen, string Secret)> RunBeforeRestartAsync(string directory)
    {
        var seen = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
        await using var app = new DigitalTwinAppFactory(directory);
        await app.StartAsync();
        var secret = await app.CreateDeviceAsync("rs-old");
        await app.CreateDeviceAsync("rs-never");
        await PostAsync(app, "rs-old", $$"""[{"ts":"{{seen.AddMinutes(-1):O}}","temperature":20},{"ts":"{{seen:O}}","temperature":21.5}]""");
        await PostAsync(app, "rs-recent", """{"temperature":19}""");
        return (seen, secret);
    }

    private static async Task PostAsync(DigitalTwinAppFactory app, string deviceId, string body)
    {
        // 202 once the readings are committed to history.
        using var response = await app.PostTelemetryAsync(deviceId, new StringContent(body));
        response.EnsureSuccessStatusCode();
    }
}
