using System.Globalization;
using System.Net;
using System.Text;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Twins.Faults;
using DigitalTwin.Tests.Twins.Maintenance;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>/maintenance in a real browser: two real Intel lab motes posted as devices, one of them given growing noise.</summary>
public sealed class MaintenancePageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task Maintenance_WornMoteAmongClean_RankedFirstExplainedLinkedAndFitsAPhone()
    {
        var motes = RealSensors.IntelLab;
        var (clean, worn) = (motes[6], motes[1]);
        var recent = Array.FindIndex(worn.Times, t => t >= worn.Times[^1] - (worn.Span / 3));
        await PostAsync("mote-clean", clean);
        await PostAsync("mote-worn", FaultInjector.GrowNoise(worn, recent, size: 5, new Random(3)));
        await Eventually.TrueAsync(async () => await App.CountSamplesAsync("mote-worn") == worn.Length && await App.CountSamplesAsync("mote-clean") == clean.Length,
            what: "both motes' history");
        var page = await Context.NewPageAsync();

        await page.GotoAsync("/maintenance");

        var devices = page.GetByTestId("maintenance-device");
        await Expect(devices.Filter(new() { HasText = "mote-worn" })).ToBeVisibleAsync();
        Assert.Equal("mote-worn", await devices.First.InnerTextAsync());
        Assert.Contains("Noise", await page.GetByTestId("maintenance-score").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("scatter", await page.GetByTestId("maintenance-why").First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "maintenance.png");
        await devices.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/devices/mote-worn$"));

        await using var phone = await _browser.NewPhoneContextAsync(App.BaseAddress);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/maintenance");
        await Expect(small.GetByTestId("maintenance-device").First).ToHaveTextAsync("mote-worn");
        var width = await small.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= 390, $"/maintenance is {width} px wide on a 390-px screen");
        await BrowserFixture.ScreenshotAsync(small, "phone-maintenance.png");
    }

    [Fact]
    public async Task DevicePage_SpikeAndStuckValueInHistory_MarkedOnTheHistoryChart()
    {
        var (faulty, _) = FaultMarksTests.Faulty(RealSensors.IntelLab[4]);
        await PostAsync("mote-marked", faulty);
        await Eventually.TrueAsync(async () => await App.CountSamplesAsync("mote-marked") == faulty.Length, what: "the mote's history");
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/devices/mote-marked");

        var note = page.GetByTestId("history-fault-note");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByText("7 d", new() { Exact = true }).ClickAsync();
            return await VisibleSoonAsync(note);
        }, what: "the 7-day history with its fault marks");

        // ApexCharts draws the marks after Blazor has shown the note; a week of points takes it a while on a busy machine.
        var drawn = new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 };
        await Expect(page.Locator(".apexcharts-point-annotations").GetByText("Spike").First).ToBeVisibleAsync(drawn);
        await Expect(page.Locator(".apexcharts-xaxis-annotations").GetByText("Stuck value").First).ToBeVisibleAsync(drawn);
        await BrowserFixture.ScreenshotAsync(page, "device-fault-marks.png");
    }

    /// <summary>The series as the device's telemetry, moved to end within the last day, in batches.</summary>
    private async Task PostAsync(string deviceId, SensorSeries series)
    {
        var shift = SeriesHistory.ShiftToEndBefore(series, DateTimeOffset.UtcNow);
        foreach (var chunk in Enumerable.Range(0, series.Length).Chunk(100))
        {
            var body = "[" + string.Join(",", chunk.Select(i => string.Create(CultureInfo.InvariantCulture,
                $$"""{"ts":{{(series.Times[i] + shift).ToUnixTimeMilliseconds()}},"temperature":{{series.Values[i]}}}"""))) + "]";
            using var response = await App.PostTelemetryAsync(deviceId, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
