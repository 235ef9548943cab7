using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Power;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalTwin.Tests.EndToEnd;

/// <summary>The analyst's question in a real browser: which districts surprised the forecast for 2024-04?</summary>
public sealed class ForecastPageTests : BrowserTest
{
    public ForecastPageTests(BrowserFixture browser)
        : base(browser) => App.Settings["Power:SeedSampleData"] = "true";

    [Fact]
    public async Task Forecasts_ChooseCutoffSortClick_ShowsRankingWithActualsAndTheDistrictChart()
    {
        await SeededAppFixture.WaitForSamplesAsync(App);
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/power/forecasts?cutoff=2024-01&horizon=2");
        await Expect(page.GetByTestId("forecast-run")).ToContainTextAsync("February 2024 – March 2024 from data up to January 2024", new() { Timeout = 60_000 });

        await ChooseAsync(page, "forecast-cutoff", "March 2024");
        await ChooseAsync(page, "forecast-horizon", "1");
        await Expect(page.GetByTestId("forecast-run")).ToContainTextAsync("April 2024 from data up to March 2024", new() { Timeout = 60_000 });
        Assert.Contains("cutoff=2024-03", page.Url, StringComparison.Ordinal);
        Assert.Contains("horizon=1", page.Url, StringComparison.Ordinal);
        var ranking = page.GetByTestId("forecast-ranking");
        await Expect(ranking.GetByTestId("ranking-district").First).ToBeVisibleAsync();
        await Expect(ranking).Not.ToContainTextAsync("no actual yet");

        await ranking.Locator("th", new() { HasText = "|Error|" }).Locator(".column-header").ClickAsync();
        await Eventually.TrueAsync(async () =>
        {
            var values = await AbsErrorsAsync(ranking);
            return values.Count > 3 && values.SequenceEqual(values.Order()) && values[0] < values[^1];
        }, what: "the ranking sorted by absolute error, ascending");
        await ranking.Locator("th", new() { HasText = "|Error|" }).Locator(".column-header").ClickAsync();
        await Eventually.TrueAsync(async () =>
        {
            var values = await AbsErrorsAsync(ranking);
            return values.Count > 3 && values.SequenceEqual(values.OrderDescending());
        }, what: "the ranking sorted by absolute error, descending");

        var second = ranking.Locator("tbody tr:has([data-testid=ranking-district])").Nth(1);
        var district = (await second.GetByTestId("ranking-district").TextContentAsync())!.Trim();
        await second.ClickAsync();
        await Expect(page.GetByTestId("forecast-district-title")).ToHaveTextAsync(district);
        await Expect(page.GetByTestId("forecast-district").Locator("svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("forecast-district-numbers")).ToContainTextAsync("actual");
        await Expect(page.GetByTestId("forecast-explanation-summary")).ToContainTextAsync("largest errors are in districts where industry uses");
        await page.WaitForTimeoutAsync(1000);
        await BrowserFixture.ScreenshotAsync(page, "power-forecasts.png");
    }

    /// <summary>Picks a MudSelect item; retried until the circuit is interactive and the list opens.</summary>
    private static Task ChooseAsync(IPage page, string select, string value) => Eventually.TrueAsync(async () =>
    {
        await page.GetByTestId(select).ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = value, Exact = true });
        try
        {
            await option.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            await page.Keyboard.PressAsync("Escape");
            return false;
        }
        await option.ClickAsync();
        return true;
    }, what: $"{value} chosen in {select}");

    private static async Task<List<double>> AbsErrorsAsync(ILocator ranking) =>
        [.. (await ranking.GetByTestId("ranking-abs-error").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.value)"))
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
}
