using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>A mistyped address in a real browser, signed in: the not-found page in the app's layout, not an empty answer.</summary>
public sealed class NotFoundPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task UnknownPage_SignedIn_ShowsTheNotFoundPageWithStatus404()
    {
        var page = await Context.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.EndsWith("/no-such-page", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("user-menu-button")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
    }
}
