using System.Globalization;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The registry page in a real browser: register a device, connect it with the secret the dialog showed, watch it go online.</summary>
public sealed class DevicesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patience = new() { Timeout = 20_000 };

    [Fact]
    public async Task Register_SecretFromDialogConnectsOverMqtt_RowGoesOnlineWithoutReload()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/devices");
        await Expect(page.GetByTestId("devices-grid")).ToBeVisibleAsync();
        // The button is wired once the circuit is interactive; retry the click until the form opens.
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("device-create").ClickAsync();
            return await VisibleSoonAsync(page.GetByTestId("device-form-id"));
        }, what: "the register dialog");

        await page.GetByTestId("device-form-id").FillAsync("bad id!");
        await page.GetByTestId("device-form-save").ClickAsync();
        await Expect(page.GetByText("'id' is required")).ToBeVisibleAsync();
        await page.GetByTestId("device-form-id").FillAsync("ui-1");
        await page.GetByTestId("device-form-name").FillAsync("Lobby thermometer");
        await page.GetByTestId("device-form-tags").FillAsync("lobby, demo");
        await page.GetByTestId("device-form-save").ClickAsync();

        var secret = (await page.GetByTestId("device-secret").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("device-mqtt-broker")).ToContainTextAsync(App.MqttPort.ToString(CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "devices-secret.png");
        await page.GetByTestId("device-secret-done").ClickAsync();
        var status = page.GetByTestId("device-status-ui-1");
        await Expect(status).ToHaveAttributeAsync("data-status", "Unknown", Patience);
        await page.EvaluateAsync("window.__sameDocument = true");

        await using var device = await App.ConnectMqttAsync("ui-1", secret);
        await device.PublishAsync(TelemetryTopic.For("ui-1"), """{"temperature":21.5}""");

        await Expect(status).ToHaveAttributeAsync("data-status", "Online", Patience);
        await Expect(status.GetByTestId("status-reason")).ToContainTextAsync("connected");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
        await BrowserFixture.ScreenshotAsync(page, "devices.png");
    }

}
