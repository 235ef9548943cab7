using System.Text;
using System.Text.Json;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Twins;

namespace DigitalTwin.Tests.Twins.Commands;

/// <summary>The command API as a client uses it.</summary>
internal static class CommandHarness
{
    /// <summary>POST …/commands/{name}; the caller checks the response.</summary>
    public static Task<HttpResponseMessage> SendCommandAsync(this HttpClient http, string deviceId, string name, string payload, string query = "",
        string contentType = "application/json") =>
        http.PostAsync($"/api/devices/{deviceId}/commands/{name}{query}", new StringContent(payload, Encoding.UTF8, contentType));

    /// <summary>POST that must answer 200; the command as returned.</summary>
    public static async Task<CommandResponse> SendCommandOkAsync(this HttpClient http, string deviceId, string name, string payload, string query = "")
    {
        using var response = await http.SendCommandAsync(deviceId, name, payload, query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST command {name} to {deviceId}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<CommandResponse>(body, ApiJson.Options)!;
    }

    public static async Task<IReadOnlyList<CommandResponse>> CommandLogAsync(this HttpClient http, string deviceId, string query = "")
    {
        using var response = await http.GetAsync($"/api/devices/{deviceId}/commands{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET commands of {deviceId}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<List<CommandResponse>>(body, ApiJson.Options)!;
    }
}
