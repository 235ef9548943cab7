using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.Localization;

/// <summary>Korean in a real browser: the app bar's switch, and pages that still fit a phone in Korean.</summary>
public sealed class KoreanPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _browser = browser;
    private const int PhoneWidth = 390;
    private static readonly LocatorAssertionsToHaveAttributeOptions Patience = new() { Timeout = 20_000 };

    [Fact]
    public async Task LanguageSwitch_Korean_NavInKoreanAndRemembered()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/alerts");
        await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
        await Expect(NavLink(page, "Devices")).ToBeVisibleAsync();

        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("language-switch").Locator("button").First.ClickAsync();
            return await VisibleSoonAsync(page.GetByTestId("language-ko"));
        }, what: "the language menu to open");
        await page.GetByTestId("language-ko").ClickAsync();

        await Expect(NavLink(page, "장치")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        Assert.EndsWith("/alerts", page.Url, StringComparison.Ordinal);
        var cookies = await Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("ko", StringComparison.Ordinal));

        // A new page of the same browser keeps the language.
        var next = await Context.NewPageAsync();
        await next.GotoAsync("/");
        await Expect(NavLink(next, "경보")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_Korean_OverviewAndAlertsFitTheWidth()
    {
        await using var device = await App.ConnectDeviceAsync("phone-ko");
        await CreateRuleAsync("phone-ko", 30);
        await device.PublishAsync("devices/phone-ko/telemetry", """{"temperature":31.5,"humidity":40}""");
        await Eventually.TrueAsync(async () => (await App.Http.GetStringAsync("/api/alerts?device=phone-ko")).Contains("Active"), what: "an active alert");
        await using var phone = await _browser.NewPhoneContextAsync(App.BaseAddress);
        await phone.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dko%7Cuic%3Dko", Url = App.BaseAddress.ToString() }]);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
        await Expect(page.GetByTestId("device-card-phone-ko")).ToContainTextAsync("마지막 수신");
        await AssertFitsTheWidthAsync(page);
        // The app bar clips rather than scrolls: its last button, the account menu, must still be on the screen.
        var account = await page.GetByTestId("user-menu-button").BoundingBoxAsync();
        Assert.True(account is not null && account.X + account.Width <= PhoneWidth, $"the account menu ends at {account?.X + account?.Width} px");
        await BrowserFixture.ScreenshotAsync(page, "ko-phone-overview.png");

        await page.GotoAsync("/alerts");
        await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", Patience);
        await Expect(page.GetByTestId("alerts-table")).ToContainTextAsync("긴급");
        await AssertFitsTheWidthAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ko-phone-alerts.png");
    }

    [Fact]
    public async Task Phone_Korean_UsersPageAndItsFormFitAndRefuseInKorean()
    {
        await using var phone = await _browser.NewPhoneContextAsync(App.BaseAddress);
        await phone.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dko%7Cuic%3Dko", Url = App.BaseAddress.ToString() }]);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByTestId("user-total")).ToContainTextAsync("사용자");
        await Expect(page.GetByTestId("users-grid")).ToContainTextAsync("관리자");
        await AssertFitsTheWidthAsync(page);

        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("user-create").ClickAsync();
            return await VisibleSoonAsync(page.GetByTestId("user-form-save"));
        }, what: "the add-user dialog opens once the page is interactive");
        await page.GetByTestId("user-form-save").ClickAsync();
        await Expect(page.GetByText("로그인 이름을 입력하세요").First).ToBeVisibleAsync();
        await AssertFitsTheWidthAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ko-phone-user-form.png");

        await page.GotoAsync("/diagnostics");
        await Expect(page.GetByText("처리 대기열")).ToBeVisibleAsync();
        await AssertFitsTheWidthAsync(page);
    }

    private static ILocator NavLink(IPage page, string text) =>
        page.Locator(".mud-navmenu .mud-nav-link").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{text}\\s*$") });

    private static async Task AssertFitsTheWidthAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide on a {PhoneWidth}-px screen in Korean: it scrolls sideways");
    }

    private async Task CreateRuleAsync(string deviceId, double threshold)
    {
        using var response = await App.Http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "보일러실 과열", kind = "Threshold", targetKind = "Device", target = deviceId, metric = "temperature",
            @operator = "GreaterThan", threshold, severity = "Critical",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
