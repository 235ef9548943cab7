using System.Net;
using System.Text.Json;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.Hosting;

/// <summary>The published binary, started from a directory that is not its own, is a complete app.</summary>
[Collection(AppCollection.Name)]
public sealed class PublishedAppTests(PublishedAppFixture fixture, BrowserFixture browser) : IClassFixture<PublishedAppFixture>, IClassFixture<BrowserFixture>
{
    private AppProcess App => fixture.App;

    /// <summary>
    /// An upgrade or a crash restarts the service: a phone showing a device page reconnects by itself (the new process
    /// does not know the old circuit, so the page reloads itself, still signed in) and shows live values again.
    /// </summary>
    [Fact]
    public async Task Restart_PhoneShowingADevice_ComesBackLiveWithoutATap()
    {
        await using var phone = await browser.NewPhoneContextAsync(App.Http.BaseAddress!);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/devices/thermo-1");
        var bell = page.GetByTestId("alert-bell");
        await Expect(bell).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });

        await fixture.RestartAsync();

        await Expect(bell).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 60_000 });
        var temperature = page.GetByTestId("metric-temperature");
        var before = await temperature.TextContentAsync();
        await Expect(temperature).Not.ToHaveTextAsync(before ?? "", new() { Timeout = 30_000 });
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        Assert.EndsWith("/devices/thermo-1", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_RelativePath_LivesBesideTheBinaryNotInTheWorkingDirectory()
    {
        Assert.True(File.Exists(Path.Combine(fixture.PublishDirectory, "digitaltwin.db")), "digitaltwin.db beside the binary");
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.WorkingDirectory));
    }

    [Fact]
    public async Task SampleData_CarriedInThePublishedFolder_SeededAndBoundariesServed()
    {
        Assert.True(Directory.Exists(Path.Combine(fixture.PublishDirectory, "data", "kepco")), "data/kepco published");

        await Eventually.TrueAsync(async () =>
        {
            using var imports = await App.Http.GetAsync("api/power/imports");
            return JsonDocument.Parse(await imports.Content.ReadAsStringAsync()).RootElement.GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(60), "the KEPCO sample files in data/ imported");
        using var boundaries = await App.Http.GetAsync("api/power/districts/boundaries");
        Assert.Equal(HttpStatusCode.OK, boundaries.StatusCode);
    }

    [Fact]
    public async Task WebAssets_FromAnotherWorkingDirectory_ServedWithContent()
    {
        using var css = await App.Http.GetAsync("app.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True((await css.Content.ReadAsByteArrayAsync()).Length > 100, "app.css has content");
    }

    [Fact]
    public async Task Ready_SimulatorPublishingThroughTheBroker_Healthy()
    {
        await Eventually.TrueAsync(async () =>
        {
            using var ingest = await App.Http.GetAsync("api/diagnostics/ingest");
            var counters = JsonDocument.Parse(await ingest.Content.ReadAsStringAsync()).RootElement.GetProperty("counters");
            return counters.GetProperty("readingsCommitted").GetInt64() > 0;
        }, TimeSpan.FromSeconds(30), "the simulated thermometer's readings committed to history");

        using var ready = await App.Http.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public void Logs_AskedForJson_EveryLineIsAJsonObject()
    {
        var lines = App.Output.Where(l => l.Length > 0).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
        });
    }
}
