using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Alerts;

/// <summary>An anomaly rule in the running app: real office readings, one spike injected, posted over HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class AnomalyAlertTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;
    private readonly HttpClient _http = fixture.App.Http;

    [Fact]
    public async Task PostTelemetry_SpikeInRealReadings_AnomalyAlertNamesTheSpike()
    {
        const string device = "anomaly-office-1";
        var office = SensorData.ReadOffice(Path.Combine(SampleData.FindDirectory()!, "sensors"))[0];
        var (faulty, truth) = FaultInjector.Inject(office, [new FaultPlan(FaultKind.Spike, 250, 1, 40)]);
        var start = DateTimeOffset.UtcNow.AddMinutes(-300);
        (await PostAsync(device, Batch(faulty, start, 0, 1))).EnsureSuccessStatusCode();
        using var created = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Office sensor faults", kind = "Anomaly", targetKind = "Device", target = device, metric = "temperature", threshold = 6,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = (await created.Content.ReadFromJsonAsync<AlertRule>(ApiJson.Options))!;
        Assert.Equal("temperature unlike its model (beyond 6σ)", rule.Condition);

        (await PostAsync(device, Batch(faulty, start, 1, 299))).EnsureSuccessStatusCode();

        // The real readings have faults of their own (a quantised office sensor repeats itself): find the spike's alert by its reason.
        var spike = $"Spike: {faulty.Values[250].ToString("0.##", CultureInfo.InvariantCulture)} between {faulty.Values[249].ToString("0.##", CultureInfo.InvariantCulture)} and {faulty.Values[251].ToString("0.##", CultureInfo.InvariantCulture)} (";
        var reasons = await Eventually.MatchAsync(() => ReasonsAsync(device, rule.Id), r => r.Any(x => x.StartsWith(spike, StringComparison.Ordinal)), what: spike);
        Assert.Contains(reasons, r => r.StartsWith(spike, StringComparison.Ordinal));
        Assert.Single(truth);
    }

    /// <summary>Why each alert of the rule on the device became active (its history's detail).</summary>
    private async Task<List<string>> ReasonsAsync(string device, long ruleId)
    {
        var reasons = new List<string>();
        foreach (var alert in (await _http.GetFromJsonAsync<List<Alert>>($"/api/alerts?device={device}", ApiJson.Options))!.Where(a => a.RuleId == ruleId))
        {
            var details = await _http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{alert.Id}", ApiJson.Options);
            reasons.AddRange(details!.History.Where(h => h.Transition == AlertTransition.BecameActive).Select(h => h.Detail ?? ""));
        }
        return reasons;
    }

    /// <summary>Readings [from, from + count) of the series, re-timed one minute apart from <paramref name="start"/>.</summary>
    private static string Batch(SensorSeries series, DateTimeOffset start, int from, int count) =>
        "[" + string.Join(",", Enumerable.Range(from, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"ts":{{start.AddMinutes(i).ToUnixTimeMilliseconds()}},"temperature":{{series.Values[i]}}}"""))) + "]";

    private async Task<HttpResponseMessage> PostAsync(string device, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _app.PostTelemetryAsync(device, content);
    }
}
