using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DigitalTwin.Tests.Alerts;

/// <summary>/api/alert-rules, /api/alerts and /api/silences: what they accept, and the precise problems they answer otherwise.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _http = fixture.App.Http;

    [Fact]
    public async Task CreateRule_InvalidFields_ValidationProblemNamingEachField()
    {
        using var response = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "", kind = "Threshold", targetKind = "Device", target = "bad id!", metric = "", @operator = "GreaterThan",
            threshold = 10, clearThreshold = 12, pendingFor = "-00:01:00",
        });

        var problem = await ValidationProblemAsync(response);
        Assert.Equal(["clearThreshold", "metric", "name", "pendingFor", "target"], problem.Errors.Keys.Order());
        Assert.Contains("must not be above the threshold", problem.Errors["clearThreshold"].Single());
    }

    [Theory]
    [InlineData("NoData", "noDataFor")]
    [InlineData("RateOfChange", "rateDelta")]
    [InlineData("Threshold", "threshold")]
    public async Task CreateRule_KindWithoutItsSettings_NamesTheMissingField(string kind, string field)
    {
        using var response = await _http.PostAsJsonAsync("/api/alert-rules", new { name = "x", kind, targetKind = "Kind", target = "thermometer", metric = "temperature" });

        Assert.Contains(field, (await ValidationProblemAsync(response)).Errors.Keys);
    }

    [Fact]
    public async Task Rule_CreateReadEditDelete_RoundTrips()
    {
        using var created = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Cold store", kind = "Threshold", targetKind = "Tag", target = "cold-store", metric = "temperature",
            @operator = "GreaterThan", threshold = -15, clearThreshold = -17, pendingFor = "00:05:00", severity = "Critical", renotifyEvery = "00:30:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = (await created.Content.ReadFromJsonAsync<AlertRule>(ApiJson.Options))!;
        Assert.Equal($"/api/alert-rules/{rule.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal("temperature > -15 (clears below -17) for 00:05:00", rule.Condition);

        var draft = AlertRuleDraft.From(rule);
        draft.Severity = AlertSeverity.Minor;
        using var updated = await _http.PutAsJsonAsync($"/api/alert-rules/{rule.Id}", draft, ApiJson.Options);
        updated.EnsureSuccessStatusCode();
        var read = await _http.GetFromJsonAsync<AlertRule>($"/api/alert-rules/{rule.Id}", ApiJson.Options);
        Assert.Equal(AlertSeverity.Minor, read!.Severity);
        Assert.Equal(TimeSpan.FromMinutes(30), read.RenotifyEvery);

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"/api/alert-rules/{rule.Id}")).StatusCode);
        await ApiJson.AssertProblemAsync(await _http.GetAsync($"/api/alert-rules/{rule.Id}"), 404);
    }

    [Fact]
    public async Task UnknownIds_NotFoundProblems()
    {
        await ApiJson.AssertProblemAsync(await _http.GetAsync("/api/alert-rules/987654"), 404);
        await ApiJson.AssertProblemAsync(await _http.DeleteAsync("/api/alert-rules/987654"), 404);
        await ApiJson.AssertProblemAsync(await _http.GetAsync("/api/alerts/987654"), 404);
        await ApiJson.AssertProblemAsync(await _http.PostAsJsonAsync("/api/alerts/987654/ack", new { by = "kim" }), 404);
        await ApiJson.AssertProblemAsync(await _http.PostAsJsonAsync("/api/alerts/987654/clear", new { by = "kim" }), 404);
        await ApiJson.AssertProblemAsync(await _http.DeleteAsync("/api/silences/987654"), 404);
        var put = new AlertRuleDraft { Name = "x", Target = "d-1", Metric = "m", Threshold = 1 };
        await ApiJson.AssertProblemAsync(await _http.PutAsJsonAsync("/api/alert-rules/987654", put, ApiJson.Options), 404);
    }

    [Fact]
    public async Task ListAlerts_BadFilters_ValidationProblem()
    {
        var problem = await ValidationProblemAsync(await _http.GetAsync("/api/alerts?state=Burning&severity=7&from=yesterday&acknowledged=maybe&device=a%20b"));

        Assert.Equal(["acknowledged", "device", "from", "severity", "state"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task Acknowledge_CommentTooLong_ValidationProblemNamingComment()
    {
        var problem = await ValidationProblemAsync(await _http.PostAsJsonAsync("/api/alerts/1/ack", new { comment = new string('x', 2001) }));

        Assert.Equal(["comment"], problem.Errors.Keys);
    }

    [Fact]
    public async Task Silence_CreateListDelete_AndInvalidOnesRefused()
    {
        var invalid = await ValidationProblemAsync(await _http.PostAsJsonAsync("/api/silences", new { @for = "00:10:00", until = "2030-01-01T00:00:00Z" }));
        Assert.Equal(["for", "ruleId"], invalid.Errors.Keys.Order());

        using var created = await _http.PostAsJsonAsync("/api/silences", new { deviceId = "api-silenced", @for = "01:00:00", by = "kim", reason = "maintenance" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = (await created.Content.ReadFromJsonAsync<AlertSilence>(ApiJson.Options))!;
        var listed = await _http.GetFromJsonAsync<List<AlertSilence>>("/api/silences", ApiJson.Options);
        Assert.Contains(listed!, s => s.Id == silence.Id && s.Reason == "maintenance");

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"/api/silences/{silence.Id}")).StatusCode);
        Assert.DoesNotContain((await _http.GetFromJsonAsync<List<AlertSilence>>("/api/silences", ApiJson.Options))!, s => s.Id == silence.Id);
    }

    [Fact]
    public async Task ClearAndAcknowledge_ActiveAlert_RecordedInItsHistory()
    {
        using var created = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Api alert", kind = "Threshold", targetKind = "Device", target = "api-dev", metric = "level", @operator = "GreaterOrEqual", threshold = 5,
        });
        created.EnsureSuccessStatusCode();
        using var post = await fixture.App.PostTelemetryAsync("api-dev", JsonContent.Create(new { level = 7 }));
        post.EnsureSuccessStatusCode();
        var alert = (await Eventually.MatchAsync(
            () => _http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=api-dev&state=Active", ApiJson.Options), a => a!.Count == 1, what: "the alert"))!.Single();

        (await _http.PostAsJsonAsync($"/api/alerts/{alert.Id}/ack", new { by = "kim", comment = "seen" })).EnsureSuccessStatusCode();
        (await _http.PostAsJsonAsync($"/api/alerts/{alert.Id}/clear", new { by = "kim", reason = "fixed the valve" })).EnsureSuccessStatusCode();
        await ApiJson.AssertProblemAsync(await _http.PostAsJsonAsync($"/api/alerts/{alert.Id}/clear", new { by = "kim" }), 409);

        var details = await Eventually.MatchAsync(
            () => _http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{alert.Id}", ApiJson.Options), d => d!.History.Count == 3, what: "3 history entries");
        Assert.Equal([AlertTransition.BecameActive, AlertTransition.Acknowledged, AlertTransition.Cleared], details!.History.Select(h => h.Transition));
        // "by" in the body is ignored: the token's user is who did it.
        Assert.Equal(("admin (token tests)", "fixed the valve"), (details.Alert.ClearedBy, details.Alert.ClearReason));
        Assert.Equal("admin (token tests)", details.Alert.AcknowledgedBy);
        Assert.True(details.Alert.Acknowledged);
        var cleared = await _http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=api-dev&state=Cleared&acknowledged=true", ApiJson.Options);
        Assert.Equal(alert.Id, Assert.Single(cleared!).Id);
    }

[Fact]
    public async Task Delete_ThenRecreate_OpenAlertClearedWithAReasonNewReadingOpensANewOne()
    {
        using var created = await _http.PostAsJsonAsync("/api/alert-rules", new
        {
            name = "Gone device", kind = "Threshold", targetKind = "Device", target = "api-gone", metric = "level", @operator = "GreaterOrEqual", threshold = 5,
        });
        created.EnsureSuccessStatusCode();
        (await fixture.App.PostTelemetryAsync("api-gone", JsonContent.Create(new { level = 7 }))).EnsureSuccessStatusCode();
        var first = (await Eventually.MatchAsync(
            () => _http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=api-gone&state=Active", ApiJson.Options), a => a!.Count == 1, what: "the first alert"))!.Single();

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync("/api/devices/api-gone")).StatusCode);

        var cleared = await Eventually.MatchAsync(
            () => _http.GetFromJsonAsync<AlertDetails>($"/api/alerts/{first.Id}", ApiJson.Options), d => d!.Alert.State == AlertState.Cleared, what: "the alert cleared");
        Assert.Equal("Device deleted", cleared!.Alert.ClearReason);
        Assert.Null(cleared.Alert.ClearedBy);
        await fixture.App.CreateDeviceAsync("api-gone");
        (await fixture.App.PostTelemetryAsync("api-gone", JsonContent.Create(new { level = 8 }))).EnsureSuccessStatusCode();
        var second = (await Eventually.MatchAsync(
            () => _http.GetFromJsonAsync<List<Alert>>("/api/alerts?device=api-gone&state=Active", ApiJson.Options), a => a!.Count == 1, what: "a new alert"))!.Single();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(8, second.LastValue);
    }

        private static async Task<ValidationProblemDetails> ValidationProblemAsync(HttpResponseMessage response)
    {
        await ApiJson.AssertProblemAsync(response, 400);
        return JsonSerializer.Deserialize<ValidationProblemDetails>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
    }
}
