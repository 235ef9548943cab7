using System.Text.Json;
using DigitalTwin.Core.Devices;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Simulation;

/// <summary>The built-in simulator registers its thermometers and authenticates as each, like a real device.</summary>
[Collection(AppCollection.Name)]
public sealed class SimulatorRegistrationTests
{
    [Fact]
    public async Task Simulator_AppStarts_RegistersDevicesWithSecretsAndTheirTelemetryIsAccepted()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Simulator:Count"] = "2";
        app.Settings["Simulator:Interval"] = "00:00:00.200";
        await app.StartAsync();
        var counters = app.Services.GetRequiredService<DeviceAuthCounters>();

        foreach (var id in new[] { "thermo-1", "thermo-2" })
        {
            await Eventually.TrueAsync(async () => await app.CountSamplesAsync(id) > 0, what: $"{id}'s readings stored");
            var registration = JsonDocument.Parse(await app.Http.GetStringAsync($"/api/devices/{id}/registration")).RootElement;
            Assert.True(registration.GetProperty("hasSecret").GetBoolean());
            Assert.Contains("simulated", registration.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
        Assert.Equal(0, Enum.GetValues<CredentialRefusal>().Sum(counters.Refusals));
    }
}
