using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Twins.Commands;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>An operator changes a simulated thermometer's setpoint on its device page and watches the device follow; viewers get no control.</summary>
public sealed class SetpointPageTests : BrowserTest
{
    private const string DeviceId = "sp-1";
    private static readonly LocatorAssertionsToHaveTextOptions Patience = new() { Timeout = 20_000 };
    private readonly BrowserFixture _browser;

    public SetpointPageTests(BrowserFixture browser) : base(browser)
    {
        _browser = browser;
        App.Settings["Simulator:Count"] = "1";
        App.Settings["Simulator:DevicePrefix"] = "sp-";
        App.Settings["Simulator:Interval"] = "00:00:00.500";
    }

    [Fact]
    public async Task Operator_AppliesSetpoint_WaitsThenReportedFollows_CommandsListed()
    {
        await TestUsers.CreateAsync(App.Services, "sp-operator", TestUsers.Password, [Roles.Operator]);
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        await BrowserFixture.SignInAsync(context, "sp-operator", TestUsers.Password);
        // A command first, so the log has a row to show.
        await Eventually.TrueAsync(async () => (await App.Http.GetAsync($"/api/devices/{DeviceId}/twin")).IsSuccessStatusCode, what: "the simulator registered");
        await Eventually.TrueAsync(async () => (await App.Http.SendCommandAsync(DeviceId, "setpoint", "20", "?queue=false")).IsSuccessStatusCode,
            what: "the simulator answering commands");

        var page = await context.NewPageAsync();
        await page.GotoAsync($"/devices/{DeviceId}");
        var control = page.GetByTestId("setpoint-control");
        await Expect(control).ToBeVisibleAsync();
        await Expect(page.GetByTestId("device-commands").GetByTestId("command-status").First).ToHaveAttributeAsync("data-status", "Succeeded");
        await Expect(page.GetByTestId("setpoint-reported")).ToHaveTextAsync("20.0 °C", Patience);

        var input = control.Locator("input");
        await Eventually.TrueAsync(async () =>
        {
            await input.FillAsync("23.5");
            await input.PressAsync("Tab");
            await page.GetByTestId("setpoint-apply").ClickAsync();
            return await page.GetByTestId("setpoint-desired").TextContentAsync() == "23.5 °C";
        }, what: "the setpoint applied once the circuit is interactive");

        // The device may be quicker than the page: "waiting" shows unless it has already reported.
        await Expect(page.GetByTestId("setpoint-reported")).ToHaveTextAsync("23.5 °C", Patience);
        await Expect(page.GetByTestId("setpoint-in-sync")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "device-setpoint.png");
    }

    [Fact]
    public async Task Viewer_SeesCommandsButNoSetpointControl()
    {
        await TestUsers.CreateAsync(App.Services, "sp-viewer", TestUsers.Password, [Roles.Viewer]);
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        await BrowserFixture.SignInAsync(context, "sp-viewer", TestUsers.Password);
        await Eventually.TrueAsync(async () => (await App.Http.GetAsync($"/api/devices/{DeviceId}/twin")).IsSuccessStatusCode, what: "the simulator registered");

        var page = await context.NewPageAsync();
        await page.GotoAsync($"/devices/{DeviceId}");
        await Expect(page.GetByTestId("device-commands")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("setpoint-control")).ToHaveCountAsync(0);
    }
}
