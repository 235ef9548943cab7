using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Twins;

/// <summary>The documents and their versions after a real restart on the same SQLite file; the new broker publishes desired again.</summary>
[Collection(AppCollection.Name)]
public sealed class DesiredStateRestartTests
{
    [Fact]
    public async Task Restart_KeepsDocumentsAndVersions_AndRepublishesDesiredRetained()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            string secret;
            await using (var before = new DigitalTwinAppFactory(directory))
            {
                await before.StartAsync();
                secret = await before.CreateDeviceAsync("dr-thermo");
                await before.Http.PatchDesiredOkAsync("dr-thermo", """{"setpoint":21}""");
                await before.Http.PatchDesiredOkAsync("dr-thermo", """{"setpoint":22,"eco":true}""");
                await using var device = await before.ConnectMqttAsync("dr-thermo", secret);
                await device.PublishAsync("devices/dr-thermo/reported", """{"setpoint":22}""");
            }

            await using var after = new DigitalTwinAppFactory(directory);
            await after.StartAsync();
            var (twin, etag) = await after.Http.GetDocumentsAsync("dr-thermo");
            Assert.Equal(("\"2\"", 2L, 1L), (etag, twin.Versions.Desired, twin.Versions.Reported));
            Assert.Equal("""{"setpoint":22,"eco":true}""", DesiredStateHarness.Compact(twin.Desired));
            Assert.Equal("""{"setpoint":22}""", DesiredStateHarness.Compact(twin.Reported));
            Assert.Equal("""{"eco":true}""", DesiredStateHarness.Compact(twin.Delta));

            // The embedded broker's retained messages died with it; the app published the stored document again.
            await using var later = await after.ConnectMqttAsync("dr-thermo", secret);
            await later.SubscribeAsync("devices/dr-thermo/desired");
            var retained = await later.DesiredAsync("dr-thermo", 2);
            Assert.True(retained.Retain);

            // Versions go on from where they were.
            Assert.Equal(3, (await after.Http.PatchDesiredOkAsync("dr-thermo", """{"eco":false}""", etag)).Versions.Desired);
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }
}
