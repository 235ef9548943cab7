using System.Net;
using System.Net.Http.Json;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.Audit;

/// <summary>/admin/audit in a real browser: the filters narrow the grid, the export link carries them, phones can read it.</summary>
public sealed class AuditPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly BrowserFixture _browser = fixture;

    [Fact]
    public async Task Filters_UserAndEntity_NarrowTheGridAndTheExportLinkCarriesThem()
    {
        using var operatorHttp = await App.ClientForNewUserAsync("page-operator", Roles.Operator);
        foreach (var id in (string[])["page-dev-1", "page-dev-2"])
        {
            Assert.Equal(HttpStatusCode.Created, (await operatorHttp.PostAsJsonAsync("/api/devices", new { id, kind = "meter", name = $"Meter {id[^1]}" })).StatusCode);
        }
        (await operatorHttp.PutAsJsonAsync("/api/devices/page-dev-1", new { kind = "meter", name = "Meter one, renamed" })).EnsureSuccessStatusCode();
        await App.CreateDeviceAsync("page-dev-3");
        var page = await Context.NewPageAsync();

        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByTestId("audit-grid")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-row-entity").Filter(new() { HasText = "device page-dev-3" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "audit.png");

        // The field is wired once the circuit is interactive; type again until the grid follows.
        var actors = page.GetByTestId("audit-row-actor");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("audit-user").FillAsync("page-operator");
            return await VisibleSoonAsync(page.GetByTestId("audit-total").Filter(new() { HasText = "3 matching" }));
        }, what: "the user filter");
        await Expect(actors).ToHaveCountAsync(3);
        foreach (var actor in await actors.AllTextContentsAsync())
        {
            Assert.Equal("page-operator (token tests)", actor.Trim());
        }
        await Expect(page.GetByTestId("audit-row-action")).ToHaveTextAsync(["device.update", "device.create", "device.create"]);
        var href = await page.GetByTestId("audit-export").GetAttributeAsync("href");
        Assert.Equal("/api/audit/export?user=page-operator", href);

        await page.GetByTestId("audit-entity-id").FillAsync("page-dev-1");
        await Expect(page.GetByTestId("audit-total")).ToContainTextAsync("2 matching");
        await Expect(page.GetByTestId("audit-export")).ToHaveAttributeAsync("href", "/api/audit/export?user=page-operator&entityId=page-dev-1");
        await Expect(page.GetByText("name: Meter 1 → Meter one, renamed")).ToBeVisibleAsync();

        // The link works with the page's own sign-in cookie, and returns the same rows.
        var export = await page.APIRequest.GetAsync((await page.GetByTestId("audit-export").GetAttributeAsync("href"))!);
        Assert.Equal(200, export.Status);
        var lines = (await export.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains("page-operator (token tests),Token,", l));

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByTestId("audit-entity-id").FillAsync("");
        await Expect(page.GetByTestId("audit-total")).ToContainTextAsync("3 matching");
        await BrowserFixture.ScreenshotAsync(page, "audit-phone.png");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways on a phone.");
    }

    [Fact]
    public async Task NonAdmin_PageRefused()
    {
        await TestUsers.CreateAsync(App.Services, "page-viewer", TestUsers.Password, Roles.Viewer, Roles.Operator);
        await using var context = await _browser.NewContextAsync(App.BaseAddress, anonymous: true);
        await BrowserFixture.SignInAsync(context, "page-viewer", TestUsers.Password);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/audit");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-grid")).ToHaveCountAsync(0);
    }
}
