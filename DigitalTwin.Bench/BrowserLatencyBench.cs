using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- browser-latency [--readings 100] [--load 10000]</c>:
/// publish → value on screen in Debian's Chromium on the device page, one reading every 0.6 s, first on an idle app,
/// then while <c>--load</c> msg/s of 200 other devices' telemetry flows. The browser stamps the value with its own clock
/// on the animation frame after the DOM changed; the publisher stamps the wall clock just before publishing (one
/// machine, one clock). Baselines from the same run: a plain MQTT subscriber on the same broker, and the app's own
/// twin change feed (publish → twin updated, before any render).
/// </summary>
internal static class BrowserLatencyBench
{
    private const string DeviceId = "latency-1";
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int LoadDevices = 200;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(600);

    // Records, per text the metric cell shows, the browser's clock at the first frame after the change.
    private const string WatchScript = """
        () => {
          window.__seen = {};
          const cell = () => document.querySelector('[data-testid=metric-temperature]');
          new MutationObserver(() => {
            const el = cell();
            if (!el) return;
            const text = el.textContent.trim();
            if (text in window.__seen) return;
            window.__seen[text] = performance.timeOrigin + performance.now();
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var readings = IntOption(args, "--readings", 100);
        var load = IntOption(args, "--load", 10_000);
        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"{ChromiumPath} is missing: apt-get install chromium.");
            return 2;
        }

        Console.WriteLine("Starting the app in-process…");
        await using var app = new BenchApp(anonymousPublishers: true);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;

        var device = await MqttConnections.ConnectAsync(app.MqttPort, DeviceId);
        var watcher = await MqttConnections.ConnectAsync(app.MqttPort, "latency-watcher");
        try
        {
            await PublishAsync(device, 19.5);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
            });
            var page = await OpenDevicePageAsync(browser, baseUrl);

            Console.WriteLine($"Publish → value on the device page, {readings} readings at {Pace.TotalMilliseconds:0} ms, Chromium {browser.Version}");
            Console.WriteLine();
            Console.WriteLine($"{"",-22} {"MQTT subscriber",18} {"twin change feed",18} {"browser",18} {"browser ÷ feed",15}   target (browser)");
            var idle = await MeasureAsync(page, device, watcher, app.Feed, readings, offset: 0);
            Report("idle", idle, "p50 ≤ 50 ms, p99 ≤ 150 ms", idle.Browser.P50 <= 50 && idle.Browser.P99 <= 150);

            await using (var others = await BackgroundLoad.StartAsync(app.MqttPort, LoadDevices, load))
            {
                var loaded = await MeasureAsync(page, device, watcher, app.Feed, readings, offset: readings + 10);
                var rate = await others.StopAsync();
                Report(FormattableString.Invariant($"{rate:N0} msg/s others"), loaded, "p99 ≤ 250 ms", loaded.Browser.P99 <= 250);
            }
            return 0;
        }
        finally
        {
            await MqttConnections.DisconnectAllAsync([device, watcher]);
        }
    }

    private static void Report(string phase, Round round, string target, bool met) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{phase,-22} {round.Mqtt,18} {round.Feed,18} {round.Browser,18} {round.Browser.P50 / Math.Max(round.Feed.P50, 0.01),15:0.0}   {target} {(met ? "✔" : "✘")}  ({round.Browser.Count}/{round.Published} seen)"));

    private static async Task<IPage> OpenDevicePageAsync(IBrowser browser, Uri baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BenchApp.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync($"/devices/{DeviceId}");
        await page.GetByTestId("metric-temperature").WaitForAsync();
        // Interactive once the circuit is up: wait until a fresh value shows, then start watching.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.EvaluateAsync(WatchScript);
        return page;
    }

    private static async Task<Round> MeasureAsync(IPage page, IMqttClient device, IMqttClient watcher, ITwinChangeFeed feed, int readings, int offset)
    {
        var published = new double[readings];
        var mqttSeen = new double[readings];
        var feedSeen = new double[readings];
        var texts = Enumerable.Range(0, readings).Select(i => Text(Value(offset + i))).ToArray();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

        watcher.ApplicationMessageReceivedAsync += OnMqtt;
        await MqttConnections.SubscribeAsync(watcher, $"devices/{DeviceId}/telemetry");
        using var subscription = feed.Subscribe(DeviceId, snapshot =>
        {
            if (snapshot["temperature"] is { } metric && index.TryGetValue(Text(metric), out var i) && feedSeen[i] == 0)
            {
                feedSeen[i] = NowMs();
            }
        });
        try
        {
            for (var i = 0; i < readings; i++)
            {
                var next = Stopwatch.GetTimestamp() + (long)(Pace.TotalSeconds * Stopwatch.Frequency);
                published[i] = NowMs();
                await PublishAsync(device, Value(offset + i));
                var wait = next - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            watcher.ApplicationMessageReceivedAsync -= OnMqtt;
            await watcher.UnsubscribeAsync($"devices/{DeviceId}/telemetry");
        }

        var seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
        var browserSeen = texts.Select(t => seen.TryGetValue(t, out var at) && at > 0 ? at : 0).ToArray();
        return new Round(readings, Delays(published, mqttSeen), Delays(published, feedSeen), Delays(published, browserSeen));

        Task OnMqtt(MqttApplicationMessageReceivedEventArgs e)
        {
            var text = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            var start = text.IndexOf(':', StringComparison.Ordinal) + 1;
            if (index.TryGetValue(text[start..^1], out var i) && mqttSeen[i] == 0)
            {
                mqttSeen[i] = NowMs();
            }
            return Task.CompletedTask;
        }
    }

    private static Task PublishAsync(IMqttClient device, double value) =>
        device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"devices/{DeviceId}/telemetry")
            .WithPayload($$"""{"temperature":{{Text(value)}}}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build());

    private static double Value(int i) => 10 + (i / 100.0);

    private static string Text(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static Percentiles Delays(double[] published, double[] seen)
    {
        var delays = published.Zip(seen, (p, s) => s > 0 ? s - p : double.NaN).Where(double.IsFinite).Order().ToArray();
        return new Percentiles(delays.Length, At(delays, 0.5), At(delays, 0.99));
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed record Round(int Published, Percentiles Mqtt, Percentiles Feed, Percentiles Browser);

    private sealed record Percentiles(int Count, double P50, double P99)
    {
        public override string ToString() => FormattableString.Invariant($"{P50,6:0.0} / {P99,6:0.0} ms");
    }
}
