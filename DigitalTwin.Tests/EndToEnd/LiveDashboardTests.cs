using System.Globalization;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The control room in a real browser: a reading published over MQTT shows up without a reload.</summary>
public sealed class LiveDashboardTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patience = new() { Timeout = 20_000 };

    [Fact]
    public async Task Overview_ReadingPublishedOverMqtt_ShowsNewValueWithoutReload()
    {
        await using var device = await App.ConnectDeviceAsync("e2e-1");
        await device.PublishAsync("devices/e2e-1/telemetry", Reading(20.25, 45));
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/");
        var temperature = page.GetByTestId("temperature-e2e-1");
        await Expect(temperature).ToHaveAttributeAsync("data-value", "20.25", Patience);
        await page.EvaluateAsync("window.__sameDocument = true");

        // Publish until the value shows: the first publishes may land before the page's circuit has subscribed.
        await PublishUntilShownAsync(device, "e2e-1", temperature, 23.75);

        await Expect(page.GetByTestId("humidity-e2e-1")).ToHaveAttributeAsync("data-value", "44", Patience);
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
        // Let the sparkline finish drawing: the screenshot is for a person to look at.
        await page.WaitForTimeoutAsync(1000);
        await BrowserFixture.ScreenshotAsync(page, "overview.png");
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, "overview.png");
        Assert.True(new FileInfo(file).Length > 10_000, "The screenshot is suspiciously small.");
    }

    [Fact]
    public async Task DevicePage_ReadingPublishedOverMqtt_UpdatesMetricsTableLive()
    {
        await using var device = await App.ConnectDeviceAsync("e2e-2");
        var page = await OpenDevicePageAsync(device, "e2e-2");
        await page.EvaluateAsync("window.__sameDocument = true");

        await PublishUntilShownAsync(device, "e2e-2", page.GetByTestId("metric-temperature"), 26.5, attribute: null);

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
        await BrowserFixture.ScreenshotAsync(page, "device.png");
    }

    [Fact]
    public async Task DevicePage_DeviceDeletedAndRecreated_ShowsTheNewReadingNotTheOld()
    {
        await using (var old = await App.ConnectDeviceAsync("e2e-3"))
        {
            await old.PublishAsync("devices/e2e-3/telemetry", Reading(18.5, 50));
            await Eventually.TrueAsync(async () => await App.CountSamplesAsync("e2e-3") == 2, what: "the old reading stored");
        }
        (await App.Http.DeleteAsync("/api/devices/e2e-3")).EnsureSuccessStatusCode();
        await App.CreateDeviceAsync("e2e-3");
        await using var device = await App.ConnectDeviceAsync("e2e-3");
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/devices/e2e-3");
        await Expect(page.GetByTestId("device-title")).ToHaveTextAsync("e2e-3");

        await PublishUntilShownAsync(device, "e2e-3", page.GetByTestId("metric-temperature"), 26.5, attribute: null);

        await Expect(page.GetByTestId("metric-humidity")).ToHaveTextAsync("44", new() { Timeout = 20_000 });
    }

    /// <summary>
    /// Each change of the temperature cell, and whether the browser task that made it also redrew the live chart
    /// (<c>withChart</c>) or a later one did (<c>redrawnAfter</c>). A mutation observer's callback runs once per task.
    /// </summary>
    private const string WatchCellAndChart = """
        () => {
          const cell = () => document.querySelector('[data-testid=metric-temperature]');
          const inChart = node => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('.live-chart') != null;
          window.__shown = [];
          let last = cell()?.textContent.trim();
          new MutationObserver(records => {
            const chart = records.some(r => inChart(r.target));
            const text = cell()?.textContent.trim();
            if (text !== last) {
              last = text;
              window.__shown.push({ text, withChart: chart, redrawnAfter: false });
            } else if (chart && window.__shown.length > 0) {
              window.__shown[window.__shown.length - 1].redrawnAfter = true;
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    [Fact]
    public async Task DevicePage_ReadingPublished_ShowsValueBeforeTheLiveChartRedraws()
    {
        await using var device = await App.ConnectDeviceAsync("e2e-4");
        var page = await OpenDevicePageAsync(device, "e2e-4");
        await PublishUntilShownAsync(device, "e2e-4", page.GetByTestId("metric-temperature"), 19.5, attribute: null);
        await page.EvaluateAsync(WatchCellAndChart);

        foreach (var value in new[] { 20.5, 21.5, 22.5 })
        {
            await device.PublishAsync("devices/e2e-4/telemetry", Reading(value, 44));
            var text = value.ToString(CultureInfo.InvariantCulture);
            var shown = await Eventually.MatchAsync(
                () => page.EvaluateAsync<ShownValue[]>("() => window.__shown"),
                all => all.Any(s => s.Text == text && s.RedrawnAfter),
                what: $"{text} shown, then the live chart redrawn");
            // ApexCharts' redraw in the render's task kept the value off the screen for ~50 ms (issue 14).
            Assert.False(shown.Single(s => s.Text == text).WithChart, $"{text} was shown in the same browser task as the chart's redraw.");
        }
    }

    private sealed class ShownValue
    {
        public string Text { get; set; } = "";

        public bool WithChart { get; set; }

        public bool RedrawnAfter { get; set; }

        public override string ToString() => $"{Text} (with chart {WithChart}, redrawn after {RedrawnAfter})";
    }

    /// <summary>The device page of a device that has published one reading.</summary>
    private async Task<IPage> OpenDevicePageAsync(MqttTestClient device, string deviceId)
    {
        await device.PublishAsync($"devices/{deviceId}/telemetry", Reading(18.5, 50));
        var page = await Context.NewPageAsync();
        await page.GotoAsync($"/devices/{deviceId}");
        await Expect(page.GetByTestId("device-title")).ToHaveTextAsync(deviceId);
        return page;
    }

    private static async Task PublishUntilShownAsync(MqttTestClient device, string deviceId, ILocator target, double value, string? attribute = "data-value")
    {
        var expected = value.ToString(CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(async () =>
        {
            await device.PublishAsync($"devices/{deviceId}/telemetry", Reading(value, 44));
            await Task.Delay(300);
            var shown = attribute is null ? await target.TextContentAsync() : await target.GetAttributeAsync(attribute);
            return shown?.Trim() == expected;
        }, what: $"{expected} to show in the browser");
    }

    private static string Reading(double temperature, double humidity) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"temperature":{{temperature}},"humidity":{{humidity}}}""");
}
