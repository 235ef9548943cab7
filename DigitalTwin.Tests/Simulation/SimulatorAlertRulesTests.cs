using System.Net.Http.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Simulation;

/// <summary>A fresh install with the simulator gets sample alert rules before it serves; once only, and not when turned off.</summary>
[Collection(AppCollection.Name)]
public sealed class SimulatorAlertRulesTests
{
    [Fact]
    public async Task FreshInstall_SampleRulesOnce_NotAgainAfterRestartOrDeletion()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            var expected = SimulatorAlertRules.Samples().Select(r => r.Name).Order().ToList();
            await using (var first = await StartWithSimulatorAsync(directory))
            {
                var rules = await RulesAsync(first);
                Assert.Equal(expected, rules.Select(r => r.Name).Order());
                Assert.All(rules, r => Assert.Equal((AlertTargetKind.Tag, SimulatorAlertRules.Tag), (r.TargetKind, r.Target)));
                using var deleted = await first.Http.DeleteAsync($"/api/alert-rules/{rules[0].Id}");
                deleted.EnsureSuccessStatusCode();
            }

            await using var second = await StartWithSimulatorAsync(directory);
            Assert.Equal(expected.Count - 1, (await RulesAsync(second)).Count);
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task SampleAlertRulesOff_NoRules()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Simulator:Count"] = "1";
        app.Settings["Simulator:SampleAlertRules"] = "false";
        await app.StartAsync();
        Assert.Empty(await RulesAsync(app));
    }

    private static async Task<DigitalTwinAppFactory> StartWithSimulatorAsync(string directory)
    {
        var app = new DigitalTwinAppFactory(directory);
        app.Settings["Simulator:Count"] = "1";
        return await app.StartAsync();
    }

    private static async Task<List<AlertRule>> RulesAsync(DigitalTwinAppFactory app) =>
        (await app.Http.GetFromJsonAsync<List<AlertRule>>("/api/alert-rules", ApiJson.Options))!;
}
