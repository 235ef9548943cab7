using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Twins.Commands;

/// <summary>The command log after a real restart on the same SQLite file.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandRestartTests
{
    [Fact]
    public async Task Restart_KeepsCommandLog()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            long id;
            await using (var before = new DigitalTwinAppFactory(directory))
            {
                await before.StartAsync();
                await using var device = await CommandDevice.ConnectAsync(before, "cr-thermo");
                id = (await before.Http.SendCommandOkAsync("cr-thermo", "reboot", """{"delay":1}""")).Id;
            }

            await using var after = new DigitalTwinAppFactory(directory);
            await after.StartAsync();
            var logged = Assert.Single(await after.Http.CommandLogAsync("cr-thermo"));
            Assert.Equal((id, "reboot", "succeeded"), (logged.Id, logged.Name, logged.Status));
            Assert.Equal("""{"delay":1}""", logged.Payload!.ToJsonString());
            Assert.Equal("""{"status":"succeeded","echo":{"delay":1}}""", logged.Response!.ToJsonString());
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }
}
