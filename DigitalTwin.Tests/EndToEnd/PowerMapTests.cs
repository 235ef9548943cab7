using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Power;
using DigitalTwin.Web.Components.Power;
using DigitalTwin.Web.Power;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The district map in a real browser on the shipped KEPCO data: colours, tooltip, click, zoom, themes.</summary>
public sealed class PowerMapTests : BrowserTest
{
    private readonly BrowserFixture _browser;

    public PowerMapTests(BrowserFixture browser)
        : base(browser) => _browser = browser;

    private const string Paths = "[data-testid=district-map] svg path.district";
    private const string SuwonPath = "path.district[data-key='경기도 수원시']";

    [Fact]
    public async Task Map_ShippedData_ColoursEveryDistrictShowsTooltipAndOpensTheDistrictOnClick()
    {
        await SeedAsync();
        var districts = await BoundaryDistrictCountAsync();
        var suwon = await App.Http.GetFromJsonAsync<UsageRow[]>("/api/power/usage?sido=경기도&sigungu=수원시&contractType=합계&from=2024-04&to=2024-04", ApiJson.Options);
        var page = await Context.NewPageAsync();

        await page.GotoAsync("/power/map");

        await Expect(page.Locator(Paths)).ToHaveCountAsync(districts);
        var fills = await page.Locator(Paths).EvaluateAllAsync<string?[]>("paths => paths.map(p => p.getAttribute('fill'))");
        Assert.All(fills, fill => Assert.False(string.IsNullOrEmpty(fill)));
        Assert.True(fills.Distinct().Count() > districts / 4, $"only {fills.Distinct().Count()} different fills");

        await page.Locator(SuwonPath).HoverAsync(new LocatorHoverOptions { Force = true });
        var tooltip = page.Locator(".district-map-tooltip");
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync("수원시");
        await Expect(tooltip).ToContainTextAsync(EnergyFormat.Energy(Assert.Single(suwon!).Kwh));
        await BrowserFixture.ScreenshotAsync(page, "power-map.png");

        // Dispatched on the path itself: a forced click lands on the box's centre, which for a city of several 구
        // under a tooltip is not always the city, and then no navigation follows (seen under load on CI).
        await page.Locator(SuwonPath).DispatchEventAsync("click");
        // Polls the address: Blazor's in-page navigation was seen to slip past WaitForURL's navigation events under load.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/power/districts/"), new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("district-title")).ToContainTextAsync("수원시");
    }

    [Fact]
    public async Task Map_DarkPhone_FitsTheScreenZoomsAndResets()
    {
        await SeedAsync();
        await using var phone = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            ColorScheme = ColorScheme.Dark,
            IsMobile = true,
        });
        await BrowserFixture.SignInAsync(phone, DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/power/map");
        await Expect(page.Locator(Paths)).ToHaveCountAsync(await BoundaryDistrictCountAsync());

        // The map is drawn inside its box, and the legend stays clear of the reset button.
        var svg = (await page.Locator("svg.district-map-svg").BoundingBoxAsync())!;
        var drawn = (await page.Locator("svg.district-map-svg > g").BoundingBoxAsync())!;
        Assert.True(drawn.X >= svg.X && drawn.X + drawn.Width <= svg.X + svg.Width + 1, $"map {drawn.X}+{drawn.Width} outside {svg.X}+{svg.Width}");
        Assert.True(drawn.Width > svg.Width * 0.8, "the map does not use the width of the phone");
        Assert.False(Overlap((await page.Locator(".district-map-legend .scale").BoundingBoxAsync())!,
            (await page.GetByTestId("district-map-reset").BoundingBoxAsync())!), "the legend runs under the reset button");
        await BrowserFixture.ScreenshotAsync(page, "power-map-phone-dark.png");

        await page.Mouse.MoveAsync(svg.X + svg.Width / 2, svg.Y + svg.Height / 2);
        await page.Mouse.WheelAsync(0, -600);
        var layer = page.Locator("svg.district-map-svg > g");
        await Expect(layer).ToHaveAttributeAsync("transform", new System.Text.RegularExpressions.Regex(@"scale\((?!1\))"));
        await page.GetByTestId("district-map-reset").ClickAsync();
        await Expect(layer).ToHaveAttributeAsync("transform", "translate(0,0) scale(1)");
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    /// <summary>The KEPCO districts the boundary file draws (a city's 구 count once).</summary>
    private async Task<int> BoundaryDistrictCountAsync()
    {
        using var json = JsonDocument.Parse(await App.Http.GetStringAsync(DistrictBoundariesApi.BoundariesPath));
        var count = json.RootElement.GetProperty("objects").GetProperty(DistrictBoundaries.ObjectName).GetProperty("geometries").EnumerateArray()
            .Select(g => (g.GetProperty("properties").GetProperty("sido").GetString(), g.GetProperty("properties").GetProperty("sigungu").GetString()))
            .Distinct().Count();
        Assert.InRange(count, 200, 250);
        return count;
    }

    private async Task SeedAsync()
    {
        var contexts = App.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await PowerTestData.LoadLongCsvAsync(db, Path.Combine(SampleData.FindDirectory()!, "kepco", "kepco_sigungu_monthly_long.csv"));
    }
}
