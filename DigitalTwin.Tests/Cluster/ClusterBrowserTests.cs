using System.Globalization;
using System.Net.Http.Headers;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Twins;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.Cluster;

/// <summary>A person watching a device page on one instance sees readings and desired changes that went through the other instance.</summary>
[Collection(AppCollection.Name)]
public sealed class ClusterBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task DevicePageOnEachInstance_ReadingPostedToOneInstance_AndADesiredChange_ShowLiveOnBoth()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var cluster = await ClusterInstances.StartAsync();
        await using var a = await cluster.StartInstanceAsync("a", withPages: true);
        await using var b = await cluster.StartInstanceAsync("b", withPages: true);
        // Registered through B: A learns of the device from B's announcement.
        var secret = await b.CreateDeviceAsync("cl-web");
        await Eventually.TrueAsync(async () => (await a.Http.GetAsync("api/devices/cl-web")).IsSuccessStatusCode, what: "A to know the device registered on B");

        // The twin lives on one of the two silos, so one of the pages hears of it from the other instance.
        var pages = new List<IPage>();
        foreach (var app in new[] { a, b })
        {
            var context = await browser.NewContextAsync(app.Http.BaseAddress!);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/devices/cl-web");
            await Expect(page.GetByTestId("alert-bell")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
            pages.Add(page);
        }

        foreach (var value in new[] { 21.5, 23.25 })
        {
            await PostAsync(b, secret, value);
            foreach (var page in pages)
            {
                await Expect(page.GetByTestId("metric-temperature")).ToHaveTextAsync(value.ToString("0.##", CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            }
        }

        // A desired change made through B: the document card on both pages shows it, waiting for the device.
        await b.Http.PatchDesiredOkAsync("cl-web", """{"setpoint":24.5}""");
        foreach (var page in pages)
        {
            await Expect(page.GetByTestId("twin-row-setpoint")).ToContainTextAsync("24.5", new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("twin-pending")).ToBeVisibleAsync();
        }
        await BrowserFixture.ScreenshotAsync(pages[0], "cluster-device-page-instance-a.png");
        foreach (var page in pages)
        {
            await page.Context.DisposeAsync();
        }
    }

    private static async Task PostAsync(AppProcess app, string secret, double temperature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/devices/cl-web/telemetry")
        {
            Content = new StringContent(string.Create(CultureInfo.InvariantCulture, $$"""{"temperature":{{temperature}}}"""), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await app.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST telemetry to B: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
