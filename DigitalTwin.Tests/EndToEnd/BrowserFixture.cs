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

    /// <summary>A fresh browser context (own cookies and storage) on the app, desktop-sized, patient with a busy machine.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri app)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return context;
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
