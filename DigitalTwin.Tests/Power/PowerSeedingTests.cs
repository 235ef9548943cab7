using System.Text.Json;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Power;

[Collection(AppCollection.Name)]
public sealed class PowerSeedingTests
{
    [Fact]
    public async Task Start_EmptyDatabase_ImportsTheShippedSamples()
    {
        await using var app = new DigitalTwinAppFactory();
        app.Settings["Power:SeedSampleData"] = "true";
        await app.StartAsync();

        var imports = await Eventually.MatchAsync(
            async () => JsonDocument.Parse(await app.Http.GetStringAsync("/api/power/imports")).RootElement.EnumerateArray().ToList(),
            list => list.Count == PowerSampleSeeder.SampleFiles.Count,
            TimeSpan.FromSeconds(60), "three sample imports");

        Assert.All(imports, i => Assert.Equal(PowerSampleSeeder.ImportedBy, i.GetProperty("importedBy").GetString()));
        Assert.Equal([1830 * 4, 1831 * 4, 5148], imports.Select(i => i.GetProperty("rowsNew").GetInt32()).Reverse());
        // 군위군 has one history across its move from 경북 (2023 file) to 대구 (2024 file).
        var gunwi = JsonDocument.Parse(await app.Http.GetStringAsync("/api/power/usage?sido=대구광역시&sigungu=군위군&contractType=합계")).RootElement;
        Assert.Equal(8, gunwi.GetArrayLength());
        var national = JsonDocument.Parse(await app.Http.GetStringAsync("/api/power/usage?sido=전국&contractType=주택용&from=2022-01&to=2022-12")).RootElement;
        Assert.Equal(12, national.GetArrayLength());
    }
}
