using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>Alerts in a real browser: an MQTT reading over a rule's threshold reaches the snackbar and the bell within a second.</summary>
public sealed class AlertEndToEndTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1);
    private static readonly LocatorAssertionsToHaveAttributeOptions Patience = new() { Timeout = 20_000 };

    // Records, in the browser, when the first snackbar and the bell's new count appear (Date.now(): the test's clock too).
    private const string WatchScript = """
        () => {
          window.__seen = {};
          const bell = document.querySelector('[data-testid=alert-bell]');
          const check = () => {
            if (!window.__seen.snackbar && document.querySelector('.alert-snackbar')) window.__seen.snackbar = Date.now();
            if (!window.__seen.bell && bell.getAttribute('data-count') === '1') window.__seen.bell = Date.now();
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    [Fact]
    public async Task MqttReadingOverThreshold_SnackbarAndBellWithinASecond_AcknowledgeFromBellDropsCount()
    {
        await using var device = await App.ConnectDeviceAsync("boiler-1");
        await device.PublishAsync("devices/boiler-1/telemetry", Reading(24));
        await CreateRuleAsync("Boiler room too hot", "boiler-1", 30);
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/");
        var bell = page.GetByTestId("alert-bell");
        await Expect(bell).ToHaveAttributeAsync("data-live", "true", Patience);
        await page.EvaluateAsync(WatchScript);

        var published = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await device.PublishAsync("devices/boiler-1/telemetry", Reading(31.4));
        var acknowledged = clock.Elapsed;

        var snackbar = page.Locator(".alert-snackbar").First;
        await Expect(snackbar).ToContainTextAsync($"CRITICAL · Boiler room too hot · boiler-1: {31.4.ToString(CultureInfo.CurrentCulture)} °C > 30", new() { Timeout = 20_000 });
        await Expect(bell).ToHaveAttributeAsync("data-count", "1", Patience);
        var seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
        var toSnackbar = TimeSpan.FromMilliseconds(seen["snackbar"] - published.ToUnixTimeMilliseconds());
        var toBell = TimeSpan.FromMilliseconds(seen["bell"] - published.ToUnixTimeMilliseconds());
        output.WriteLine($"publish acknowledged by the broker after {acknowledged.TotalMilliseconds:0} ms; snackbar after {toSnackbar.TotalMilliseconds:0} ms, bell after {toBell.TotalMilliseconds:0} ms (goal {Goal.TotalMilliseconds:0} ms)");
        Assert.True(toSnackbar <= Goal, $"The snackbar appeared {toSnackbar.TotalMilliseconds:0} ms after the publish.");
        Assert.True(toBell <= Goal, $"The bell showed the alert {toBell.TotalMilliseconds:0} ms after the publish.");

        await bell.Locator("button").ClickAsync();
        await page.GetByTestId("alert-bell-ack").ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("data-count", "0", Patience);
        using var summary = await App.Http.GetAsync("/api/alerts?device=boiler-1&acknowledged=true");
        // The bell acknowledges as the signed-in user (the browser context signed in as the first admin).
        Assert.Contains("\"acknowledgedBy\":\"admin\"", await summary.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AlertPages_LightDarkAndPhone_RenderWithAlertsAndMarkers()
    {
        await using var device = await App.ConnectDeviceAsync("boiler-2");
        await CreateRuleAsync("Boiler room too hot", "boiler-2", 30);
        foreach (var value in new[] { 24.0, 27, 31.2, 32.5, 33.1, 29, 26, 31.8 })
        {
            await device.PublishAsync("devices/boiler-2/telemetry", Reading(value));
            await Task.Delay(400);
        }
        await Eventually.TrueAsync(async () => (await App.Http.GetStringAsync("/api/alerts?device=boiler-2&state=Cleared")).Contains("Cleared"), what: "a cleared alert");
        var page = await Context.NewPageAsync();

        foreach (var (name, width, dark) in new[] { ("light", 1400, false), ("dark", 1400, true), ("phone", 390, false) })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });

            await page.GotoAsync("/alerts?state=Any");
            await Expect(page.GetByTestId("alert-link").First).ToBeVisibleAsync();
            Assert.True(await page.GetByTestId("alert-link").CountAsync() >= 2);
            await BrowserFixture.ScreenshotAsync(page, $"alerts-page-{name}.png");
            await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
            await device.PublishAsync("devices/boiler-2/telemetry", Reading(25));
            await device.PublishAsync("devices/boiler-2/telemetry", Reading(32.4));
            await Expect(page.Locator(".alert-snackbar-cleared").First).ToBeVisibleAsync();
            await Expect(page.Locator(".alert-snackbar:not(.alert-snackbar-cleared)").First).ToBeVisibleAsync();
            // Past the snackbars' fade-in.
            await page.WaitForTimeoutAsync(800);
            await BrowserFixture.ScreenshotAsync(page, $"alerts-snackbar-{name}.png");

            await page.GotoAsync("/alerts/rules");
            await Expect(page.GetByTestId("rule-condition").First).ToHaveTextAsync("temperature > 30 °C");
            // A click on the prerendered page, before the circuit is up, would be lost.
            await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
            await page.GetByTestId("rule-new").ClickAsync();
            await page.GetByTestId("rule-save").ClickAsync();
            await Expect(page.GetByText("'name' is required").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, $"alerts-rule-dialog-{name}.png");

            await page.GotoAsync("/devices/boiler-2");
            await Expect(page.GetByTestId("device-alert").First).ToBeVisibleAsync();
            await Expect(page.Locator(".apexcharts-yaxis-annotations line, .apexcharts-yaxis-annotations path").First).ToBeAttachedAsync();
            await page.WaitForTimeoutAsync(1000);
            await BrowserFixture.ScreenshotAsync(page, $"alerts-device-{name}.png");
        }
    }

    private async Task CreateRuleAsync(string name, string deviceId, double threshold)
    {
        using var response = await App.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name, kind = "Threshold", targetKind = "Device", target = deviceId, metric = "temperature",
            @operator = "GreaterThan", threshold, severity = "Critical",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string Reading(double temperature) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"temperature":{{temperature}},"humidity":40}""");
}
