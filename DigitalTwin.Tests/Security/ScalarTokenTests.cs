using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.Security;

/// <summary>The API reference page as a script author uses it: paste a token, send a request with it.</summary>
public sealed class ScalarTokenTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task ScalarPage_PastedToken_RequestSentWithIt()
    {
        var token = await TestUsers.TokenAsync(App.Services, DigitalTwinAppFactory.AdminUserName);
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/scalar/v1");
        await page.GetByPlaceholder("Token").First.FillAsync(token);
        // The pasted token goes into every example of a protected operation (bearerAuth is preselected)…
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Code sample: Shell Curl" }).Filter(new() { HasText = "/api/auth/me" }))
            .ToContainTextAsync($"Authorization: Bearer {token}");
        // …and into the requests the reference sends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request (get /api/auth/me)" }).ClickAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            r => r.Url.EndsWith("/api/auth/me", StringComparison.Ordinal));

        Assert.Equal(200, response.Status);
        Assert.Equal($"Bearer {token}", await response.Request.HeaderValueAsync("authorization"));
        // The answer names the token in use ("tests"), so the call was made with it, not with the page's cookie.
        Assert.Contains("\"token\":\"tests\"", await response.TextAsync(), StringComparison.Ordinal);
        await Expect(page.GetByText("\"tests\"").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "scalar-token.png") });
    }
}
