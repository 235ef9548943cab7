using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>Debian's Chromium driven by Playwright (no browser download here), headless.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: beside the test assembly, kept after the run for a person to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network: keep Chromium from trying to reach out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) on the app, desktop-sized, patient with a busy machine, signed in
    /// as the first admin unless <paramref name="anonymous"/>.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(Uri app, bool anonymous = false) =>
        NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } }, anonymous);

    /// <summary>A phone: 390 × 844 CSS pixels (an iPhone 14), a touch screen and a mobile browser, signed in as the first admin.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(Uri app) =>
        NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
        }, anonymous: false);

    private async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, bool anonymous)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(20_000);
        if (!anonymous)
        {
            await SignInAsync(context, DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword);
        }
        return context;
    }

    /// <summary>Signs the context in through the real sign-in page; its cookie then serves every page of the context.</summary>
    public static async Task SignInAsync(IBrowserContext context, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>Saves a full-page screenshot beside the test assembly for a person to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
