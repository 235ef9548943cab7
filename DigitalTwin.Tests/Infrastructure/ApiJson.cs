using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Mvc;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>Reads the API's JSON the way a client would (enums as strings).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<DeviceTwinResponse?> GetTwinAsync(this HttpClient http, string deviceId)
    {
        using var response = await http.GetAsync($"/api/devices/{deviceId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<DeviceTwinResponse>(Options) : null;
    }

    /// <summary>A page of GET /api/devices; asserts success.</summary>
    public static async Task<Web.Devices.DeviceListResponse> ListDevicesAsync(this HttpClient http, string query)
    {
        using var response = await http.GetAsync($"/api/devices?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/devices?{query}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<Web.Devices.DeviceListResponse>(body, Options)!;
    }

    public static async Task<HistorySeries> GetHistoryAsync(this HttpClient http, string deviceId, string query)
    {
        using var response = await http.GetAsync($"/api/devices/{deviceId}/telemetry?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET history: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<HistorySeries>(body, Options)!;
    }

    /// <summary>Asserts an RFC 9457 problem response with the status, and returns it.</summary>
    public static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemDetails>(body, Options)!;
        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        return problem;
    }

    /// <summary>The refusal reason the telemetry endpoint puts in its problem's extensions.</summary>
    public static string? Reason(this ProblemDetails problem) =>
        problem.Extensions.TryGetValue("reason", out var value) && value is JsonElement { ValueKind: JsonValueKind.String } element
            ? element.GetString()
            : null;
}
