using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>Signing in as each role in a real browser: the navigation and buttons each role sees, sign-out, the first run.</summary>
public sealed partial class SignInPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _browser = browser;

    [Theory]
    [InlineData(Roles.Viewer, false, false, false)]
    [InlineData(Roles.Operator, true, false, false)]
    [InlineData(Roles.Analyst, false, true, false)]
    [InlineData(Roles.Admin, true, true, true)]
    public async Task SignIn_AsRole_ShowsOnlyWhatTheRoleMayDo(string role, bool operate, bool analyze, bool admin)
    {
        var userName = "e2e-" + role.ToLowerInvariant();
        await TestUsers.CreateAsync(App.Services, userName, TestUsers.Password, role);
        await App.CreateDeviceAsync("e2e-room");
        await using var context = await _browser.NewContextAsync(App.BaseAddress, anonymous: true);
        await BrowserFixture.SignInAsync(context, userName, TestUsers.Password);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/devices");
        await Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync(userName);
        await Expect(page.Locator("[data-testid=device-total]")).ToBeVisibleAsync();
        await ExpectVisibleAsync(page.GetByTestId("device-create"), operate);
        await ExpectVisibleAsync(page.GetByRole(AriaRole.Link, new() { Name = "Import" }), analyze);
        await ExpectVisibleAsync(page.GetByRole(AriaRole.Link, new() { Name = "Forecasts" }), analyze);
        await ExpectVisibleAsync(page.GetByRole(AriaRole.Link, new() { Name = "Users" }), admin);
        await BrowserFixture.ScreenshotAsync(page, $"signed-in-{role.ToLowerInvariant()}.png");

        // Hidden is also refused: typing the address of a page the role may not open.
        await page.GotoAsync("/power/import");
        if (analyze)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/power/import$"));
        }
        else
        {
            await Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
            await Expect(page.GetByTestId("access-denied")).ToContainTextAsync(role);
        }
    }

    [Fact]
    public async Task SignOut_FromTheUserMenu_EndsTheSession()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/");
        await (await OpenUserMenuAsync(page)).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        await page.GotoAsync("/alerts");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Falerts"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndLocksAfterRepeatedFailures()
    {
        await TestUsers.CreateAsync(App.Services, "e2e-locked", TestUsers.Password, Roles.Viewer);
        await using var context = await _browser.NewContextAsync(App.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "e2e-locked");
            await page.FillAsync("#password", "not-the-password");
            await page.ClickAsync("[data-testid=sign-in]");
            await Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        }
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("locked");

        // Locked: even the right password is refused now.
        await page.FillAsync("#username", "e2e-locked");
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("locked");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-locked.png");
    }

    private static async Task ExpectVisibleAsync(ILocator locator, bool visible)
    {
        if (visible)
        {
            await Expect(locator.First).ToBeVisibleAsync();
        }
        else
        {
            await Expect(locator).ToHaveCountAsync(0);
        }
    }
}

/// <summary>A fresh install without Auth:AdminPassword: the generated password in the log, and the forced change at first sign-in.</summary>
[Collection(AppCollection.Name)]
public sealed partial class FirstRunTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FirstRun_GeneratedPassword_IsLoggedOnceAndMustBeChanged()
    {
        await using var app = new DigitalTwinAppFactory { SignInOnStart = false };
        app.Settings["Auth:AdminPassword"] = "";
        await app.StartAsync();
        var banner = Assert.Single(app.Logs.Lines, l => l.Contains("FIRST RUN", StringComparison.Ordinal));
        var password = GeneratedPassword().Match(banner).Groups[1].Value;
        Assert.Equal(20, password.Length);

        // A script cannot get a token before the password is changed.
        using (var refused = await app.AnonymousHttp.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await using var context = await browser.NewContextAsync(app.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/devices");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
        await Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "first-run-change-password.png");

        // Every other page sends the user back here until the password is changed.
        await page.GotoAsync("/alerts");
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));

        await page.FillAsync("#current-password", password);
        await page.FillAsync("#new-password", "my own long password");
        await page.FillAsync("#confirm-password", "my own long password");
        await page.ClickAsync("[data-testid=change-password]");
        await Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        await Expect(page.GetByTestId("user-menu-button")).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousHttp.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "my own long password" })).StatusCode);
        Assert.Single(app.Logs.Lines, l => l.Contains("FIRST RUN", StringComparison.Ordinal));
    }

    [GeneratedRegex("password: (\\S+)")]
    private static partial Regex GeneratedPassword();
}
