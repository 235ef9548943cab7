using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Twins;
using DigitalTwin.Tests.Twins.Commands;

namespace DigitalTwin.Tests.Simulation;

/// <summary>The built-in simulator is a device that obeys: desired setpoint and mode, and the setpoint command, are applied and reported back.</summary>
[Collection(AppCollection.Name)]
public sealed class SimulatorObeysTests
{
    [Fact]
    public async Task Simulator_DesiredAndCommand_AppliedAndReported()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Simulator:Count"] = "1";
        app.Settings["Simulator:DevicePrefix"] = "obey-";
        app.Settings["Simulator:Interval"] = "00:00:00.200";
        await app.StartAsync();
        const string id = "obey-1";
        // Connected and reporting its thermostat.
        await Eventually.MatchAsync(async () => (await TryGetTwinAsync(app, id))?.Reported, r => r?.ContainsKey("setpoint") == true, what: "the simulator's first report");

        await app.Http.PatchDesiredOkAsync(id, """{"setpoint":24.5,"mode":"forceOn"}""");
        var twin = await Eventually.MatchAsync(async () => (await app.Http.GetDocumentsAsync(id)).Twin, t => !t.Pending, what: "reported follows desired");
        Assert.Equal((24.5, "forceOn"), (twin.Reported["setpoint"]!.GetValue<double>(), twin.Reported["mode"]!.GetValue<string>()));

        var command = await app.Http.SendCommandOkAsync(id, "setpoint", """{"setpoint":18,"mode":"auto"}""");
        Assert.Equal("succeeded", command.Status);
        Assert.Equal((18.0, "auto"), (command.Response!["setpoint"]!.GetValue<double>(), command.Response["mode"]!.GetValue<string>()));
        twin = await Eventually.MatchAsync(async () => (await app.Http.GetDocumentsAsync(id)).Twin,
            t => t.Reported["setpoint"]!.GetValue<double>() == 18.0, what: "reported follows the command");
        Assert.Equal("auto", twin.Reported["mode"]!.GetValue<string>());

        // A bare number works too; nonsense is answered as failed and changes nothing.
        Assert.Equal(19.5, (await app.Http.SendCommandOkAsync(id, "setpoint", "19.5")).Response!["setpoint"]!.GetValue<double>());
        var refused = await app.Http.SendCommandOkAsync(id, "setpoint", """{"setpoint":99}""");
        Assert.Equal("failed", refused.Status);
        Assert.Contains("out of range", refused.Response!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("failed", (await app.Http.SendCommandOkAsync(id, "dance", "{}")).Status);
    }

    private static async Task<Web.Twins.TwinPropertiesResponse?> TryGetTwinAsync(DigitalTwinAppFactory app, string id)
    {
        using var response = await app.Http.GetAsync($"/api/devices/{id}/twin");
        return response.IsSuccessStatusCode ? (await app.Http.GetDocumentsAsync(id)).Twin : null;
    }
}
