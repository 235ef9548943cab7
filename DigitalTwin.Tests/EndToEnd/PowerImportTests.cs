using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The analyst's path in a real browser: upload a KEPCO file, read the preview, commit, open a district.</summary>
public sealed class PowerImportTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Power", "Samples", "wide_2024_utf8.csv");

    [Fact]
    public async Task Import_UploadPreviewCommit_DistrictPageShowsTheData()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/power/import");
        var input = page.Locator("[data-testid=import-dropzone] input[type=file]");
        // The upload handler is wired once the circuit is interactive; retry the choice until the preview shows.
        await Eventually.TrueAsync(async () =>
        {
            await input.SetInputFilesAsync(Sample);
            return await VisibleSoonAsync(page.GetByTestId("preview-new"));
        }, what: "the import preview");

        await Expect(page.GetByTestId("preview-districts")).ToContainTextAsync("4");
        await Expect(page.GetByTestId("preview-new")).ToContainTextAsync("128");
        await BrowserFixture.ScreenshotAsync(page, "power-import-preview.png");
        await page.GetByTestId("import-commit").ClickAsync();
        await Expect(page.GetByTestId("import-success")).ToContainTextAsync("128 new");

        await page.GotoAsync("/power/districts/전북특별자치도/전주시");
        await Expect(page.GetByTestId("district-title")).ToContainTextAsync("전주시");
        await Expect(page.GetByTestId("district-monthly-chart").Locator("svg").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        await BrowserFixture.ScreenshotAsync(page, "power-district.png");
    }

}
