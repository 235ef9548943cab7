using DigitalTwin.Tests.Devices;
using DigitalTwin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The /devices page right after an app restart: the status column tells devices with history from devices never seen.</summary>
[Collection(AppCollection.Name)]
public sealed class DevicesRestartPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AfterRestart_RowsShowNotSeenSinceStartAndLastSeenOrNeverSeen()
    {
        var directory = DigitalTwinAppFactory.CreateTempDirectory();
        try
        {
            await DeviceStatusRestartTests.RunBeforeRestartAsync(directory);
            await using var app = new DigitalTwinAppFactory(directory);
            await app.StartAsync();
            await using var context = await browser.NewContextAsync(app.BaseAddress);
            var page = await context.NewPageAsync();

            await page.GotoAsync("/devices");

            var old = page.GetByTestId("device-status-rs-old");
            await Expect(old).ToHaveAttributeAsync("data-status", "Offline");
            await Expect(old.GetByTestId("status-chip")).ToHaveTextAsync("Offline");
            await Expect(old.GetByTestId("status-reason")).ToHaveTextAsync("not seen since the app started");
            await Expect(page.Locator("tr", new() { Has = page.GetByTestId("device-row-rs-old") }).GetByTestId("last-seen")).ToHaveTextAsync("3 h ago");
            var never = page.GetByTestId("device-status-rs-never");
            await Expect(never.GetByTestId("status-chip")).ToHaveTextAsync("Never seen");
            await Expect(never.GetByTestId("status-reason")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "devices-after-restart.png");
        }
        finally
        {
            DigitalTwinAppFactory.DeleteDirectory(directory);
        }
    }
}
