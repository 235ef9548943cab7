using System.Text.Json;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Power;

/// <summary>An app that imported the shipped KEPCO samples on start, as a fresh install does.</summary>
public sealed class SeededAppFixture : IAsyncLifetime
{
    public DigitalTwinAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Settings["Power:SeedSampleData"] = "true";
        await App.StartAsync();
        await WaitForSamplesAsync(App);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    public static Task WaitForSamplesAsync(DigitalTwinAppFactory app) => Eventually.MatchAsync(
        async () => JsonDocument.Parse(await app.Http.GetStringAsync("/api/power/imports")).RootElement.GetArrayLength(),
        count => count == PowerSampleSeeder.SampleFiles.Count,
        TimeSpan.FromSeconds(120), "the sample imports");
}
