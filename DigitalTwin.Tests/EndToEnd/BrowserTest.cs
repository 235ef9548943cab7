using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>A test class with its own app on real ports and a fresh browser context on it.</summary>
[Collection(AppCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    protected DigitalTwinAppFactory App { get; } = new();

    protected IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        Context = await browser.NewContextAsync(App.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>Opens the user menu (top right) and returns its sign-out item; clicks again until the circuit is interactive.</summary>
    protected static async Task<ILocator> OpenUserMenuAsync(IPage page)
    {
        var signOut = page.GetByTestId("sign-out");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("user-menu-button").ClickAsync();
            return await VisibleSoonAsync(signOut);
        }, what: "the user menu to open");
        return signOut;
    }

    /// <summary>Whether the element shows within a few seconds: for retrying an action until the circuit is interactive.</summary>
    protected static async Task<bool> VisibleSoonAsync(ILocator locator)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 3000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
