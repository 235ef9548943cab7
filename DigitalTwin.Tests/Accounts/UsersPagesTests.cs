using System.Net;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigitalTwin.Tests.Accounts;

/// <summary>
/// The people side in a real browser: an admin adds a user on /admin/users, the user signs in with the generated
/// password in another (signed-out) browser, chooses their own, and makes, uses and revokes an API token on /account.
/// </summary>
public sealed class UsersPagesTests : BrowserTest
{
    private const string NewPassword = "my-own-long-password";
    private readonly BrowserFixture _browser;

    public UsersPagesTests(BrowserFixture browser)
        : base(browser) => _browser = browser;

    [Fact]
    public async Task AdminCreatesOperator_UserChangesPasswordMakesTokenThatWorksUntilRevoked()
    {
        var admin = await Context.NewPageAsync();
        var password = await CreateUserAsync(admin, "jkim", "Kim Jisoo");
        await ScreenshotBothAsync(admin, "users");

        await using var userContext = await _browser.NewContextAsync(App.BaseAddress, anonymous: true);
        await userContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await userContext.NewPageAsync();
        await FirstSignInAsync(page, "jkim", password);
        await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync("Kim Jisoo");

        var token = await CreateTokenAsync(page, "e2e script");
        using var client = App.NewClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
        await ScreenshotBothAsync(page, "account");

        await page.GetByTestId("token-revoke").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-state")).ToHaveTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/devices")).StatusCode);

        // The admin sees the user's token (revoked) on the tokens tab, and the user's first sign-in.
        await admin.ReloadAsync();
        await Assertions.Expect(admin.GetByTestId("user-row-jkim")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () =>
        {
            await admin.GetByText("API tokens", new() { Exact = true }).First.ClickAsync();
            return await VisibleSoonAsync(admin.GetByTestId("token-table"));
        }, what: "the tokens tab opens once the page is interactive again");
        await Assertions.Expect(admin.GetByTestId("token-table")).ToContainTextAsync("e2e script");
        await ScreenshotBothAsync(admin, "users-tokens", async phone => await Eventually.TrueAsync(async () =>
        {
            await phone.GetByText("API tokens", new() { Exact = true }).First.ClickAsync();
            return await VisibleSoonAsync(phone.GetByTestId("token-table"));
        }, what: "the tokens tab on the phone"));
    }

    [Fact]
    public async Task DisableSelf_OnlyAdmin_RefusedInWords()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/admin/users");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("user-actions-admin").ClickAsync();
            return await VisibleSoonAsync(page.GetByTestId("user-disable"));
        }, what: "the actions menu opens once the page is interactive");
        await page.GetByTestId("user-disable").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("admin is the last enabled admin");
        await BrowserFixture.ScreenshotAsync(page, "users-last-admin.png");
        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("user-row-admin") });
        await Assertions.Expect(row).ToContainTextAsync("active");
    }

    /// <summary>Adds a user with roles Viewer + Operator through the dialog; the generated password the dialog shows.</summary>
    private static async Task<string> CreateUserAsync(IPage admin, string userName, string displayName)
    {
        await admin.GotoAsync("/admin/users");
        await Assertions.Expect(admin.GetByTestId("user-row-admin")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () =>
        {
            await admin.GetByTestId("user-create").ClickAsync();
            return await VisibleSoonAsync(admin.GetByTestId("user-form-username"));
        }, what: "the add-user dialog opens once the page is interactive");
        await admin.GetByTestId("user-form-username").FillAsync(userName);
        await admin.GetByTestId("user-form-displayname").FillAsync(displayName);
        await admin.GetByTestId("role-operator").ClickAsync();
        await BrowserFixture.ScreenshotAsync(admin, "users-create-dialog.png");
        await admin.GetByTestId("user-form-save").ClickAsync();
        var password = (await admin.GetByTestId("secret-value").TextContentAsync())!.Trim();
        Assert.Equal(20, password.Length);
        await BrowserFixture.ScreenshotAsync(admin, "users-password-dialog.png");
        await admin.GetByTestId("secret-done").ClickAsync();
        var row = admin.Locator("tr").Filter(new() { Has = admin.GetByTestId($"user-row-{userName}") });
        await Assertions.Expect(row).ToContainTextAsync("Operator");
        await Assertions.Expect(row).ToContainTextAsync("must change password");
        return password;
    }

    /// <summary>Signs in with the generated password, is sent to change it, and lands on the app.</summary>
    private static async Task FirstSignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => url.Contains("/account/change-password", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        // The account page (whose address the password gate lets through) sends them back too: no token before a password of their own.
        await page.GotoAsync("/account");
        await page.WaitForURLAsync(url => url.Contains("/account/change-password", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        await page.FillAsync("#current-password", password);
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#confirm-password", NewPassword);
        await page.ClickAsync("[data-testid=change-password]");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    /// <summary>Creates a token on /account, copies it with the dialog's copy button, and returns what the clipboard holds.</summary>
    private static async Task<string> CreateTokenAsync(IPage page, string name)
    {
        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByTestId("profile-user-name")).ToHaveTextAsync("jkim");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("token-create").ClickAsync();
            return await VisibleSoonAsync(page.GetByTestId("token-form-name"));
        }, what: "the new-token dialog opens once the page is interactive");
        await page.GetByTestId("token-form-name").FillAsync(name);
        await page.GetByTestId("token-form-create").ClickAsync();
        var shown = (await page.GetByTestId("secret-value").TextContentAsync())!.Trim();
        await page.GetByTestId("secret-copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret-copy")).ToBeVisibleAsync();
        var copied = await Eventually.MatchAsync(() => page.EvaluateAsync<string>("navigator.clipboard.readText()"), c => c == shown,
            what: "the copy button puts the token on the clipboard");
        Assert.StartsWith("dtu_", copied, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("token-curl")).ToContainTextAsync($"curl -H \"Authorization: Bearer {copied}\"");
        await BrowserFixture.ScreenshotAsync(page, "account-token-dialog.png");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "account-token-dialog-phone.png");
        await page.SetViewportSizeAsync(1400, 900);
        await page.GetByTestId("secret-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-state")).ToHaveTextAsync("active");
        return copied;
    }

    /// <summary>The page as it is now, and the same address opened afresh on a 390-px phone.</summary>
    private static async Task ScreenshotBothAsync(IPage page, string name, Func<IPage, Task>? prepare = null)
    {
        await BrowserFixture.ScreenshotAsync(page, $"{name}-desktop.png");
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(page.Url);
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (prepare is not null)
        {
            await prepare(phone);
        }
        await BrowserFixture.ScreenshotAsync(phone, $"{name}-phone.png");
        await phone.CloseAsync();
    }
}
