using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>
/// A phone as a first-class screen: a 390-px-wide touch screen, one thumb. The pages a person on the move uses fit
/// the width (no sideways scrolling), their actions are thumb-sized, and the installed app opens without a network.
/// </summary>
public sealed class PhoneTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _phones = browser;
    private const int PhoneWidth = 390;
    /// <summary>The smallest comfortable touch target (WCAG 2.5.5), in CSS pixels.</summary>
    private const float ThumbTarget = 44;
    private static readonly LocatorAssertionsToHaveAttributeOptions Patience = new() { Timeout = 20_000 };

    [Fact]
    public async Task Alerts_TappedWithAThumb_AcknowledgedWithoutSideScrolling()
    {
        await using var device = await App.ConnectDeviceAsync("phone-boiler");
        await CreateRuleAsync("phone-boiler", 30);
        await device.PublishAsync("devices/phone-boiler/telemetry", Reading(31.5));
        await Eventually.TrueAsync(async () => (await App.Http.GetStringAsync("/api/alerts?device=phone-boiler")).Contains("Active"), what: "an active alert");
        await using var phone = await _phones.NewPhoneContextAsync(App.BaseAddress);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/alerts");
        await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
        var ack = page.GetByTestId("alert-ack").First;
        await Expect(ack).ToBeVisibleAsync();
        await AssertFitsTheWidthAsync(page);
        await AssertThumbSizedAsync(ack);
        await AssertThumbSizedAsync(page.GetByTestId("alert-clear").First);
        await BrowserFixture.ScreenshotAsync(page, "phone-alerts.png");

        await ack.TapAsync();
        await page.Locator("textarea[data-testid=ack-comment], [data-testid=ack-comment] textarea").First.FillAsync("on my way");
        await BrowserFixture.ScreenshotAsync(page, "phone-acknowledge.png");
        await page.GetByTestId("ack-submit").TapAsync();

        await Expect(page.GetByTestId("alert-ack")).ToHaveCountAsync(0);
        var alerts = await App.Http.GetStringAsync("/api/alerts?device=phone-boiler&acknowledged=true");
        Assert.Contains("\"acknowledgedBy\":\"admin\"", alerts, StringComparison.Ordinal);
        Assert.Contains("on my way", alerts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicePage_OnAPhone_ThermometerAndLiveValuesFitAndUpdate()
    {
        await using var device = await App.ConnectDeviceAsync("phone-room");
        await device.PublishAsync("devices/phone-room/telemetry", Reading(21.5));
        await using var phone = await _phones.NewPhoneContextAsync(App.BaseAddress);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/devices/phone-room");
        await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
        var thermometer = page.GetByTestId("thermometer");
        await Expect(thermometer).ToBeInViewportAsync();
        await device.PublishAsync("devices/phone-room/telemetry", Reading(23.25));

        await Expect(page.GetByTestId("metric-temperature")).ToHaveTextAsync("23.25");
        await AssertFitsTheWidthAsync(page);
        var box = await thermometer.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= PhoneWidth, $"the thermometer lies within the screen: {box?.X} + {box?.Width}");
        await BrowserFixture.ScreenshotAsync(page, "phone-device.png");
    }

    [Fact]
    public async Task DevicePage_RoomModelOnAPhone_BacktestTableFitsWithoutScrollingSideways()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-4);
        var readings = Enumerable.Range(0, 240).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"ts":{{start.AddMinutes(i).ToUnixTimeMilliseconds()}},"temperature":{{21 + 1.5 * Math.Sin(i / 10.0) + 0.1 * Math.Cos(i * 7.0):0.###}}}"""));
        using var body = new StringContent($"[{string.Join(",", readings)}]", System.Text.Encoding.UTF8, "application/json");
        (await App.PostTelemetryAsync("phone-model", body)).EnsureSuccessStatusCode();
        await using var phone = await _phones.NewPhoneContextAsync(App.BaseAddress);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/devices/phone-model");
        var backtest = page.GetByTestId("room-backtest");
        await Expect(backtest).ToBeVisibleAsync();

        var overflow = await backtest.EvaluateAsync<int>("t => Math.max(...[t, ...t.querySelectorAll('*')].map(e => e.scrollWidth - e.clientWidth))");
        Assert.True(overflow <= 0, $"the backtest table scrolls sideways by {overflow} px on a {PhoneWidth}-px screen");
        // The card draws its table again when the model is refitted on new readings: measure it once it is back.
        LocatorBoundingBoxResult? box = null;
        await Eventually.TrueAsync(async () => (box = await backtest.BoundingBoxAsync()) is not null, what: "the backtest table drawn");
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= PhoneWidth, $"the backtest table lies within the screen: {box?.X} + {box?.Width}");
        await AssertFitsTheWidthAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "phone-room-backtest.png");
    }

    [Theory]
    [InlineData("en", "You are offline")]
    [InlineData("ko", "오프라인 상태입니다")]
    public async Task InstalledApp_NetworkGone_OpensTheOfflinePageInTheAppsLanguageAndComesBackByItself(string language, string offline)
    {
        await using var phone = await _phones.NewPhoneContextAsync(App.BaseAddress);
        await phone.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c%3D{language}%7Cuic%3D{language}", Url = App.BaseAddress.ToString() }]);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");
        await AssertInstallableAsync(page);
        // The service worker controls pages once it is active (it claims them), with the shell cached.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 20_000 });

        await phone.SetOfflineAsync(true);
        await OpenWhileOfflineAsync(page, "/alerts", offline);
        Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await BrowserFixture.ScreenshotAsync(page, $"phone-offline-{language}.png");
        await phone.SetOfflineAsync(false);

        await Expect(page.GetByTestId("alerts-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.EndsWith("/alerts", page.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens a page with the network gone and expects the offline page. Chromium applies the emulated loss to a service
    /// worker it has just started again a moment late, so under load the first navigation can still reach the server
    /// (a real lost network has no such window): up to three tries.
    /// </summary>
    private static async Task OpenWhileOfflineAsync(IPage page, string path, string offline)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync(path);
            try
            {
                await Expect(page.Locator("#offline-title")).ToHaveTextAsync(offline);
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The server answered: the emulated loss had not reached the worker yet.
            }
        }
    }

    /// <summary>The manifest is linked, names the app and its start page, and every icon it lists is served.</summary>
    private async Task AssertInstallableAsync(IPage page)
    {
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        using var manifest = await App.AnonymousHttp.GetAsync(href);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        var json = await manifest.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("DigitalTwin", json.GetProperty("name").GetString());
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        Assert.Equal("/", json.GetProperty("start_url").GetString());
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            using var image = await App.AnonymousHttp.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), image.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task AssertFitsTheWidthAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide on a {PhoneWidth}-px screen: it scrolls sideways");
    }

    private static async Task AssertThumbSizedAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.True(box is not null && box.Width >= ThumbTarget && box.Height >= ThumbTarget,
            $"a touch target of {box?.Width} × {box?.Height} px; at least {ThumbTarget} × {ThumbTarget} wanted");
    }

    private async Task CreateRuleAsync(string deviceId, double threshold)
    {
        using var response = await App.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Boiler room too hot", kind = "Threshold", targetKind = "Device", target = deviceId, metric = "temperature",
            @operator = "GreaterThan", threshold, severity = "Critical",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string Reading(double temperature) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"temperature":{{temperature}},"humidity":40}""");
}
