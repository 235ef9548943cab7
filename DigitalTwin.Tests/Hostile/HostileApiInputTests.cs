using System.Net;
using System.Text;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DigitalTwin.Tests.Hostile;

/// <summary>
/// Input that does not bind (a value of the wrong type, an enum name not in the list, malformed JSON, a bad query value)
/// answers a ProblemDetails whose <c>errors</c> name the field and what it accepts, on every endpoint, not a bare 400.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileApiInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _http = fixture.App.Http;

    [Fact]
    public async Task CreateRule_OperatorNotInTheList_ListsTheAcceptedValues()
    {
        using var response = await PostJsonAsync("/api/alert-rules", """{"name":"x","kind":"Threshold","operator":">","threshold":1}""");

        var message = (await ErrorsAsync(response))["operator"].Single();
        Assert.Contains("GreaterThan, GreaterOrEqual", message);
    }

    [Fact]
    public async Task CreateRule_ThresholdNotANumber_SaysANumberIsExpected()
    {
        using var response = await PostJsonAsync("/api/alert-rules", """{"name":"x","kind":"Threshold","threshold":"abc"}""");

        Assert.Contains("expected a number", (await ErrorsAsync(response))["threshold"].Single());
    }

    [Fact]
    public async Task CreateRule_MalformedJson_GivesThePosition()
    {
        using var response = await PostJsonAsync("/api/alert-rules", "{\"name\":\"x\",\n \"kind\": Threshold}");

        var (field, messages) = (await ErrorsAsync(response)).Single();
        Assert.Equal("kind", field);
        Assert.Contains("Malformed JSON at line 2, byte 10", messages.Single());
    }

    [Fact]
    public async Task CreateDevice_TagsNotAnArray_SaysAnArrayIsExpected()
    {
        using var response = await PostJsonAsync("/api/devices", """{"id":"hostile-tags","kind":"meter","tags":"a,b"}""");

        Assert.Contains("expected a JSON array", (await ErrorsAsync(response))["tags"].Single());
    }

    [Fact]
    public async Task CreateDevice_EmptyBody_NamesTheBody()
    {
        using var response = await PostJsonAsync("/api/devices", "");

        Assert.Contains("body", (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task CreateSilence_ForNotADuration_SaysWhatADurationLooksLike()
    {
        using var response = await PostJsonAsync("/api/silences", """{"deviceId":"x","for":"soon"}""");

        Assert.Contains("expected a duration", (await ErrorsAsync(response))["for"].Single());
    }

    [Fact]
    public async Task ListSilences_IncludeExpiredNotABoolean_NamesTheQueryParameter()
    {
        using var response = await _http.GetAsync("/api/silences?includeExpired=maybe");

        var message = (await ErrorsAsync(response))["includeExpired"].Single();
        Assert.Contains("'maybe'", message);
        Assert.Contains("expected true or false", message);
    }

    [Fact]
    public async Task ListAlerts_RuleNotANumber_NamesTheQueryParameter()
    {
        using var response = await _http.GetAsync("/api/alerts?rule=abc");

        Assert.Contains("expected a whole number", (await ErrorsAsync(response))["rule"].Single());
    }

    [Theory]
    [InlineData("metric=temperature&agg=median", "agg")]
    [InlineData("metric=temperature&from=yesterday", "from")]
    [InlineData("metric=temperature&interval=often", "interval")]
    [InlineData("agg=avg", "metric")]
    public async Task GetHistory_BadQueryValue_NamesTheParameter(string query, string field)
    {
        using var response = await _http.GetAsync($"/api/devices/hostile-history/telemetry?{query}");

        Assert.Contains(field, (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task ListDevices_BadLimit_NamesTheParameter()
    {
        using var response = await _http.GetAsync("/api/devices?limit=lots");

        Assert.Contains("limit", (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task GetDevice_InvalidId_NamesTheRouteValue()
    {
        using var response = await _http.GetAsync("/api/devices/bad%20id!");

        Assert.Contains("id", (await ErrorsAsync(response)).Keys);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts a 400 ProblemDetails and returns its errors (field → messages).</summary>
    private static async Task<IDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        await ApiJson.AssertProblemAsync(response, 400);
        var problem = JsonSerializer.Deserialize<ValidationProblemDetails>(body, ApiJson.Options)!;
        Assert.True(problem.Errors.Count > 0, $"No errors in {body}");
        return problem.Errors;
    }
}
