using System.Net;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigitalTwin.Tests.Security;

/// <summary>
/// Another site's page posts the app's forms from the user's browser (a real cross-site post in Chromium): it can
/// neither sign the user out nor sign the browser in to an account of its choosing.
/// </summary>
public sealed class CrossSiteFormTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string OtherSite = "http://other-site.test/";

    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task SignOut_PostedFromAnotherSite_RefusedAndStillSignedIn()
    {
        var page = await Context.NewPageAsync();
        await ServeOtherSiteAsync(page, $"""<form method="post" action="{App.BaseAddress}account/logout"><button id="go">Win a prize</button></form>""");

        var status = await SubmitAsync(page);

        Assert.Equal((int)HttpStatusCode.BadRequest, status);
        Assert.True(await SignedInAsync(Context));
    }

    [Fact]
    public async Task SignIn_PostedFromAnotherSite_RefusedAndNotSignedIn()
    {
        await using var context = await _browser.NewContextAsync(App.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();
        await ServeOtherSiteAsync(page, $"""
            <form method="post" action="{App.BaseAddress}account/login">
              <input name="_handler" value="sign-in"><input name="Input.UserName" value="{DigitalTwinAppFactory.AdminUserName}">
              <input name="Input.Password" value="{DigitalTwinAppFactory.AdminPassword}"><button id="go">Continue</button>
            </form>
            """);

        var status = await SubmitAsync(page);

        Assert.Equal((int)HttpStatusCode.BadRequest, status);
        Assert.False(await SignedInAsync(context));
    }

    [Fact]
    public async Task SignOut_FromTheAppsOwnMenu_SignsOut()
    {
        // The control: the same post from the app's own page (with its token) does sign out.
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/devices");
        await (await OpenUserMenuAsync(page)).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.False(await SignedInAsync(Context));
    }

    private static async Task ServeOtherSiteAsync(IPage page, string body)
    {
        await page.RouteAsync(OtherSite + "**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html><body>{body}</body></html>",
        }));
        await page.GotoAsync(OtherSite);
    }

    /// <summary>Submits the other site's form; the status the app answered the post with.</summary>
    private static async Task<int> SubmitAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#go"),
            r => r.Request.Method == "POST" && !r.Url.StartsWith(OtherSite, StringComparison.Ordinal));
        return response.Status;
    }

    private static async Task<bool> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/devices");
        var signedIn = !page.Url.Contains("/account/login", StringComparison.Ordinal);
        await page.CloseAsync();
        return signedIn;
    }
}
